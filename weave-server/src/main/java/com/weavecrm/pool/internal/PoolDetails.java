package com.weavecrm.pool.internal;

import com.weavecrm.pool.Pool;

/** The detail of a pool's audit entries: which pool, and the reason when one was given. */
public final class PoolDetails {

    private PoolDetails() {}

    public static String of(Pool pool, String reason) {
        String which = pool.name() + " (" + pool.id() + ")";
        return reason == null || reason.isBlank() ? which : which + ": " + reason;
    }
}
