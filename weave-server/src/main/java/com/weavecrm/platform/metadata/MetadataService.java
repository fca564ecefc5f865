package com.weavecrm.platform.metadata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.weavecrm.platform.metadata.internal.MetadataRepository;
import com.weavecrm.platform.tenancy.TenantChanged;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Reads object definitions. They are cached per tenant and metadata version: every change bumps the
 * version in the same transaction, and every request carries the version it was authenticated
 * with, so no server uses definitions older than the request.
 */
@Service
public class MetadataService {

    private final TenantTx tx;
    private final MetadataRepository repository;
    private final ApplicationEventPublisher events;
    private final Cache<CatalogKey, ObjectCatalog> catalogs =
            Caffeine.newBuilder().maximumSize(2_000).build();

    public MetadataService(TenantTx tx, MetadataRepository repository, ApplicationEventPublisher events) {
        this.tx = tx;
        this.repository = repository;
        this.events = events;
    }

    /**
     * Marks the tenant's read-mostly configuration ({@link VersionedCache}) as changed, inside the
     * transaction that changes it: the metadata version moves on, and sign-ins cached on this server
     * are forgotten once it commits, so the next request carries the new version.
     */
    public void configurationChanged(DSLContext dsl, TenantContext ctx) {
        repository.bumpVersion(dsl, ctx.tenant());
        events.publishEvent(TenantChanged.wholeTenant(ctx.tenant().id()));
    }

    public ObjectCatalog catalog(TenantContext ctx) {
        long version = ctx.metadataVersion() > 0
                ? ctx.metadataVersion()
                : tx.call(ctx, dsl -> repository.version(dsl, ctx.tenant()));
        return catalogs.get(new CatalogKey(ctx.tenant().id(), version), key -> load(ctx, version));
    }

    /** An object by api name; 404 when the tenant has none of that name. */
    public ObjectDef object(TenantContext ctx, String apiName) {
        return catalog(ctx).find(apiName).orElseThrow(ApiException::notFound);
    }

    private ObjectCatalog load(TenantContext ctx, long version) {
        Map<String, ObjectDef> objects = new LinkedHashMap<>();
        tx.call(ctx, dsl -> repository.findAll(dsl, ctx.tenant())).forEach(o -> objects.put(o.apiName(), o));
        return new ObjectCatalog(version, java.util.Collections.unmodifiableMap(objects));
    }

    private record CatalogKey(UUID tenantId, long version) {}
}
