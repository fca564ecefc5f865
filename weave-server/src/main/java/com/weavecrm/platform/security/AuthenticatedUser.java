package com.weavecrm.platform.security;

import com.weavecrm.platform.tenancy.Tenant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The caller of a request, established from a bearer token or a session cookie.
 *
 * @param securityVersion the tenant's security version at authentication: cached permissions are
 *     keyed by it
 * @param metadataVersion the tenant's metadata version at authentication: cached object
 *     definitions are keyed by it
 */
public record AuthenticatedUser(
        Tenant tenant,
        UUID tokenId,
        TokenKind tokenKind,
        UUID userId,
        String username,
        String displayName,
        UUID orgUnitId,
        List<String> roles,
        Locale locale,
        long securityVersion,
        long metadataVersion) {

    public static final String TENANT_ADMIN_ROLE = "tenant_admin";

    /** The platform administrators: tenant administrators of the {@code default} tenant. */
    public boolean isPlatformAdmin() {
        return Tenant.DEFAULT_SLUG.equals(tenant.slug()) && roles.contains(TENANT_ADMIN_ROLE);
    }
}
