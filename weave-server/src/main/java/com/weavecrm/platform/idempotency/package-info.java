/**
 * {@code Idempotency-Key} on API POSTs: the first response to a key is stored (per user and tenant)
 * and replayed for repeats, so a client retrying after a timeout never creates a second record.
 */
package com.weavecrm.platform.idempotency;
