package com.weavecrm.platform.tenancy;

import com.weavecrm.platform.tenancy.internal.TenantRepository;
import com.weavecrm.platform.tenancy.internal.TenantSchemas;
import com.weavecrm.platform.web.ApiException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates tenants: registry row, database role, schema, migrations, initial data. Each step can be
 * repeated, so a provisioning cut short by a crash is finished at the next start.
 */
@Service
public class TenantProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TenantProvisioner.class);

    private final TenantRepository registry;
    private final TenantRegistry tenants;
    private final TenantSchemas schemas;
    private final TenantTx tx;
    private final DSLContext dsl;
    private final List<TenantInitializer> initializers;
    private final List<TenantUpgrade> upgrades;
    private final JsonMapper json;

    public TenantProvisioner(
            TenantRepository registry,
            TenantRegistry tenants,
            TenantSchemas schemas,
            TenantTx tx,
            DSLContext dsl,
            List<TenantInitializer> initializers,
            List<TenantUpgrade> upgrades,
            JsonMapper json) {
        this.registry = registry;
        this.tenants = tenants;
        this.schemas = schemas;
        this.tx = tx;
        this.dsl = dsl;
        this.initializers = initializers.stream()
                .sorted(Comparator.comparingInt(TenantInitializer::order))
                .toList();
        this.upgrades = upgrades;
        this.json = json;
    }

    /** Creates a tenant and returns it active; 409 when the slug is taken. */
    public Tenant create(NewTenant request) {
        long started = System.nanoTime();
        String database = dsl.fetchValue(org.jooq.impl.DSL.field("current_database()", String.class));
        Tenant tenant = new Tenant(
                UUID.randomUUID(),
                request.slug(),
                request.name(),
                DatabaseNames.schemaFor(request.slug()),
                DatabaseNames.roleFor(database, request.slug()),
                TenantStatus.PROVISIONING,
                null);
        String pending = json.writeValueAsString(Map.of(
                "name",
                request.name(),
                "username",
                request.adminUsername(),
                "passwordHash",
                request.adminPasswordHash()));
        try {
            registry.insert(tenant, pending);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ApiException.duplicate("slug");
        }
        tenants.forget(request.slug());
        Tenant active = provision(tenant);
        log.info("Tenant {} created in {} ms", request.slug(), (System.nanoTime() - started) / 1_000_000);
        return active;
    }

    /** Brings every tenant's schema to the current version and finishes interrupted provisioning. */
    public void migrateAll() {
        for (Tenant tenant : registry.findNeedingMigration(schemas.latestVersion())) {
            provision(tenant);
        }
    }

    private Tenant provision(Tenant tenant) {
        schemas.migrate(tenant);
        if (tenant.status() == TenantStatus.PROVISIONING) {
            NewTenant request = pendingRequest(tenant);
            TenantContext ctx = TenantContext.system(tenant, "provision-" + tenant.slug());
            tx.run(ctx, d -> {
                if (!schemas.isInitialised(d, tenant)) {
                    initializers.forEach(i -> i.initialise(d, ctx, request));
                }
            });
        }
        TenantContext system = TenantContext.system(tenant, "upgrade-" + tenant.slug());
        upgrades.forEach(upgrade -> upgrade.upgrade(system));
        registry.activate(tenant.id(), schemas.latestVersion());
        tenants.forget(tenant.slug());
        return registry.findById(tenant.id()).orElseThrow();
    }

    private NewTenant pendingRequest(Tenant tenant) {
        var node = json.readTree(registry.pendingAdmin(tenant.id()).orElse("{}"));
        return new NewTenant(
                tenant.slug(),
                node.path("name").asString(tenant.name()),
                node.path("username").asString("admin"),
                node.path("passwordHash").asString(null));
    }
}
