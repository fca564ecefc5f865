package com.weavecrm.platform.metadata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A tenant's read-mostly configuration (assignment rules, follow-up policies, ...) cached by the
 * metadata version the request was authenticated with, exactly as object definitions are: whatever
 * changes it calls {@link MetadataService#configurationChanged} in its transaction, so requests
 * authenticated after the commit — on any server — read it afresh. Work without a known version
 * (jobs, start-up) always reads.
 */
public final class VersionedCache<T> {

    private record Key(UUID tenantId, long version) {}

    private final Cache<Key, T> entries =
            Caffeine.newBuilder().maximumSize(2_000).build();

    /** The cached value for the request's tenant and version, else what {@code load} reads (then cached). */
    public T get(TenantContext ctx, Supplier<T> load) {
        if (ctx.metadataVersion() <= 0) {
            return load.get();
        }
        return entries.get(new Key(ctx.tenant().id(), ctx.metadataVersion()), k -> load.get());
    }
}
