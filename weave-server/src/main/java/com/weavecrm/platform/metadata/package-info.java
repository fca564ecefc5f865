/**
 * The metadata engine: objects and fields as data. Every object is a real table of the tenant's
 * schema ({@code r_<api name>}) and every field a real column, so filters, sorts and indexes stay
 * native. Changes run validate → plan → apply in one transaction, audited; definitions are cached
 * per tenant and invalidated by the tenant's metadata version.
 */
package com.weavecrm.platform.metadata;
