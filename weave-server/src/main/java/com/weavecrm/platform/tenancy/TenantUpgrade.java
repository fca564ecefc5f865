package com.weavecrm.platform.tenancy;

/**
 * Brings a tenant's data up to what this build of the product expects, after its schema migrations:
 * for a new tenant right after its initial data, for existing tenants at start-up whenever their
 * schema was behind. Must be repeatable: it runs again after a crash.
 */
public interface TenantUpgrade {

    void upgrade(TenantContext ctx);
}
