package com.weavecrm.pool;

import java.util.List;

/** A page of a pool's records, newest in the pool first, and the cursor of the next page (null at the end). */
public record PoolPage(PoolSummary pool, List<PooledRecord> data, String nextCursor) {}
