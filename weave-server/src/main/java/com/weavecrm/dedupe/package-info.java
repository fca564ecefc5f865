/**
 * Duplicate detection for customers, contacts and leads: normalising and matching Chinese data
 * (phones, names by sound, company names without legal form and city, addresses), the keys records are
 * filed under, the real-time check on create, update and intake, batch scans of a whole object with
 * explained pairs, and the tenant's threshold and write behaviour per object.
 */
package com.weavecrm.dedupe;
