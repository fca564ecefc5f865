package com.weavecrm.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantStatus;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VersionedCacheTest {

    private final Tenant tenant =
            new Tenant(UUID.randomUUID(), "acme", "Acme", "t_acme", "r_acme", TenantStatus.ACTIVE, null);
    private final VersionedCache<Integer> cache = new VersionedCache<>();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void readsOncePerTenantAndVersion() {
        assertThat(cache.get(at(3), reads::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get(at(3), reads::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get(at(4), reads::incrementAndGet)).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void alwaysReadsWithoutAKnownVersion() {
        cache.get(TenantContext.system(tenant, null), reads::incrementAndGet);
        cache.get(TenantContext.system(tenant, null), reads::incrementAndGet);
        assertThat(reads).hasValue(2);
    }

    private TenantContext at(long version) {
        return new TenantContext(tenant, UUID.randomUUID(), 1, version, null, null, Locale.ENGLISH);
    }
}
