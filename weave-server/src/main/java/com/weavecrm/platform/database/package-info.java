/**
 * The database behind the product: the embedded PostgreSQL used when no external one is configured,
 * and the data directory it lives in.
 */
package com.weavecrm.platform.database;
