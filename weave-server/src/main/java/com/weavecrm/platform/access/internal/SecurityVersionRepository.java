package com.weavecrm.platform.access.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** The tenant's security version, bumped whenever roles, permissions or role assignments change. */
@Repository
public class SecurityVersionRepository {

    private static final Field<Long> SECURITY_VERSION = field(name("security_version"), Long.class);

    public void bump(DSLContext dsl, Tenant tenant) {
        dsl.update(tenant.table("tenant_settings"))
                .set(SECURITY_VERSION, SECURITY_VERSION.plus(1))
                .execute();
    }
}
