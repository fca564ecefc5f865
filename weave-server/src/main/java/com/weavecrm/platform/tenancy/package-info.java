/**
 * Tenancy: the tenant registry in the {@code platform} schema, one PostgreSQL schema and one
 * database role per tenant, their migrations, and {@link com.weavecrm.platform.tenancy.TenantTx},
 * which runs every piece of tenant work under that tenant's role so that no query can reach another
 * tenant's data.
 */
package com.weavecrm.platform.tenancy;
