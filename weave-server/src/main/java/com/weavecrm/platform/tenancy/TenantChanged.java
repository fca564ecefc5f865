package com.weavecrm.platform.tenancy;

import java.util.UUID;

/**
 * Published when something that cached views of a tenant depend on changes — roles and permissions,
 * object definitions (whole tenant, {@code userId} null), or one user's profile, status or sessions.
 * Caches forget what they hold for it once the change commits.
 */
public record TenantChanged(UUID tenantId, UUID userId) {

    public static TenantChanged wholeTenant(UUID tenantId) {
        return new TenantChanged(tenantId, null);
    }

    public boolean concerns(UUID tenant, UUID user) {
        return tenantId.equals(tenant) && (userId == null || userId.equals(user));
    }
}
