package com.weavecrm.platform.tenancy.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** The tenant registry in {@code platform.tenant}; runs as the platform's own database user. */
@Repository
public class TenantRepository {

    private static final Table<Record> TENANT = table(name("platform", "tenant"));
    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> SLUG = field(name("slug"), String.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> SCHEMA = field(name("schema_name"), String.class);
    private static final Field<String> ROLE = field(name("db_role"), String.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<String> SCHEMA_VERSION = field(name("schema_version"), String.class);
    private static final Field<JSONB> PENDING_ADMIN = field(name("pending_admin"), JSONB.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);

    private final DSLContext dsl;

    public TenantRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Tenant> findBySlug(String slug) {
        return dsl.select(ID, SLUG, NAME, SCHEMA, ROLE, STATUS, CREATED_AT)
                .from(TENANT)
                .where(SLUG.eq(slug))
                .fetchOptional(this::toTenant);
    }

    public Optional<Tenant> findById(UUID id) {
        return dsl.select(ID, SLUG, NAME, SCHEMA, ROLE, STATUS, CREATED_AT)
                .from(TENANT)
                .where(ID.eq(id))
                .fetchOptional(this::toTenant);
    }

    public List<Tenant> findAll() {
        return dsl.select(ID, SLUG, NAME, SCHEMA, ROLE, STATUS, CREATED_AT)
                .from(TENANT)
                .orderBy(CREATED_AT, SLUG)
                .fetch(this::toTenant);
    }

    /** Tenants whose schema is not at {@code latestVersion} yet (or whose provisioning was cut short). */
    public List<Tenant> findNeedingMigration(String latestVersion) {
        return dsl.select(ID, SLUG, NAME, SCHEMA, ROLE, STATUS, CREATED_AT)
                .from(TENANT)
                .where(SCHEMA_VERSION.isNull().or(SCHEMA_VERSION.ne(latestVersion)))
                .or(STATUS.eq(TenantStatus.PROVISIONING.dbValue()))
                .orderBy(CREATED_AT)
                .fetch(this::toTenant);
    }

    public void insert(Tenant tenant, String pendingAdminJson) {
        dsl.insertInto(TENANT)
                .set(PENDING_ADMIN, JSONB.valueOf(pendingAdminJson))
                .set(ID, tenant.id())
                .set(SLUG, tenant.slug())
                .set(NAME, tenant.name())
                .set(SCHEMA, tenant.schema())
                .set(ROLE, tenant.dbRole())
                .set(STATUS, tenant.status().dbValue())
                .execute();
    }

    public Optional<String> pendingAdmin(UUID id) {
        return dsl.select(PENDING_ADMIN)
                .from(TENANT)
                .where(ID.eq(id))
                .fetchOptional(PENDING_ADMIN)
                .map(JSONB::data);
    }

    /** Marks a provisioned tenant active at {@code version} and forgets its pending administrator. */
    public void activate(UUID id, String version) {
        dsl.update(TENANT)
                .set(STATUS, TenantStatus.ACTIVE.dbValue())
                .set(SCHEMA_VERSION, version)
                .set(PENDING_ADMIN, (JSONB) null)
                .where(ID.eq(id))
                .execute();
    }

    public void setStatus(UUID id, TenantStatus status) {
        dsl.update(TENANT).set(STATUS, status.dbValue()).where(ID.eq(id)).execute();
    }

    public void setName(UUID id, String name) {
        dsl.update(TENANT).set(NAME, name).where(ID.eq(id)).execute();
    }

    public void setSchemaVersion(UUID id, String version) {
        dsl.update(TENANT).set(SCHEMA_VERSION, version).where(ID.eq(id)).execute();
    }

    private Tenant toTenant(Record r) {
        return new Tenant(
                r.get(ID),
                r.get(SLUG),
                r.get(NAME),
                r.get(SCHEMA),
                r.get(ROLE),
                TenantStatus.fromDb(r.get(STATUS)),
                r.get(CREATED_AT));
    }
}
