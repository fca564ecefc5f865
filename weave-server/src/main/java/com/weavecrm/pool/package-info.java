/**
 * Public pools (公海): leads and customers nobody worked on for a pool's number of days lose their
 * owner and go back to a pool — a recurring durable task reclaims them set-based, pool by pool —
 * where eligible users claim them within a daily limit; owners and managers return records by hand,
 * and other capabilities (follow-up deadlines) through {@link com.weavecrm.pool.PublicPool#returnToPool}.
 * A pooled record has no owner: data scopes other than {@code all} leave it out, and the pool's own
 * calls show it to those who may claim it. Claims, returns and reclaims are audited per record. Owns
 * the {@code pool}, {@code pool_entry} and {@code pool_claim} tables.
 */
package com.weavecrm.pool;
