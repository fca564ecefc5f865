package com.weavecrm.platform.tenancy;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Who does what, where: passed explicitly into every service and repository call that touches tenant
 * data.
 *
 * @param userId the acting user; null for the system itself (start-up, jobs)
 * @param securityVersion the tenant's security version when the user was authenticated; cached
 *     permission policies are valid for one version only
 * @param metadataVersion the tenant's metadata version when the user was authenticated (0: unknown,
 *     read it when needed); cached object definitions are valid for one version only
 * @param requestId the id of the HTTP request or job, carried into logs and the audit trail
 * @param clientIp the caller's address, for the audit trail
 */
public record TenantContext(
        Tenant tenant,
        UUID userId,
        long securityVersion,
        long metadataVersion,
        String requestId,
        String clientIp,
        Locale locale) {

    public TenantContext {
        Objects.requireNonNull(tenant, "tenant");
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    /** Work done by the product itself rather than a user. */
    public static TenantContext system(Tenant tenant, String requestId) {
        return new TenantContext(tenant, null, 0, 0, requestId, null, Locale.SIMPLIFIED_CHINESE);
    }

    public boolean isSystem() {
        return userId == null;
    }
}
