package com.weavecrm.platform.tenancy;

import org.jooq.DSLContext;

/**
 * Fills a newly migrated tenant schema with what every tenant starts with (settings, the root org
 * unit, role templates, the first administrator). Implemented by the capabilities that own that
 * data; all of them run in one tenant transaction, in {@link #order()}.
 */
public interface TenantInitializer {

    int order();

    void initialise(DSLContext dsl, TenantContext ctx, NewTenant tenant);
}
