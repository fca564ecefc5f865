package com.weavecrm.platform.tenancy;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A tenant: one company using the product, with its own schema and database role.
 *
 * @param schema the PostgreSQL schema holding all of the tenant's data
 * @param dbRole the database role every transaction of the tenant runs under
 */
public record Tenant(
        UUID id,
        String slug,
        String name,
        String schema,
        String dbRole,
        TenantStatus status,
        OffsetDateTime createdAt) {

    public static final String DEFAULT_SLUG = "default";

    /** A table of this tenant, always schema-qualified. */
    public Table<Record> table(String tableName) {
        return DSL.table(DSL.name(schema, tableName));
    }

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
