package com.weavecrm.platform.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.weavecrm.platform.tenancy.internal.TenantRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Finds tenants by slug or id. Lookups are cached briefly: tenants are only ever added, and a status
 * change reaches every server within the cache's lifetime.
 */
@Service
public class TenantRegistry {

    private static final Duration CACHE_LIFETIME = Duration.ofSeconds(30);

    private final TenantRepository repository;
    private final Cache<String, Optional<Tenant>> bySlug = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHE_LIFETIME)
            .build();

    public TenantRegistry(TenantRepository repository) {
        this.repository = repository;
    }

    /** The active tenant with this slug, if there is one. */
    public Optional<Tenant> findActive(String slug) {
        if (slug == null || !DatabaseNames.SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return bySlug.get(slug, repository::findBySlug).filter(Tenant::isActive);
    }

    public Optional<Tenant> findById(UUID id) {
        return repository.findById(id);
    }

    public List<Tenant> all() {
        return repository.findAll();
    }

    void forget(String slug) {
        bySlug.invalidate(slug);
    }
}
