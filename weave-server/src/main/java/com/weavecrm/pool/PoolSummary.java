package com.weavecrm.pool;

/**
 * A pool as one caller sees it: how many records it holds now, whether the caller may claim from it
 * and how many claims they have left today (null when they may not claim).
 */
public record PoolSummary(Pool pool, long records, boolean canClaim, Integer claimsLeftToday, boolean canManage) {}
