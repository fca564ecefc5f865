/**
 * The customer master: every customer's {@code cid} (a 12-character id with a check character, shown
 * everywhere and searchable), the rules a customer record must follow, and the 360° view.
 */
package com.weavecrm.customer;
