package com.weavecrm.platform.organisation;

import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.security.PasswordHasher;
import com.weavecrm.platform.tenancy.DatabaseNames;
import com.weavecrm.platform.tenancy.NewTenant;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantProvisioner;
import com.weavecrm.platform.tenancy.TenantRegistry;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Tenants as the platform administrator (a tenant administrator of the {@code default} tenant) sees
 * them: list and create. A new tenant starts with its root org unit, the role templates and its
 * administrator.
 */
@Service
public class TenantAdministration {

    private static final Set<String> FIELDS = Set.of("slug", "name", "adminUsername", "adminPassword");

    private final TenantProvisioner provisioner;
    private final TenantRegistry registry;
    private final PasswordHasher hasher;

    public TenantAdministration(TenantProvisioner provisioner, TenantRegistry registry, PasswordHasher hasher) {
        this.provisioner = provisioner;
        this.registry = registry;
        this.hasher = hasher;
    }

    public List<Tenant> list(AuthenticatedUser caller) {
        requirePlatformAdmin(caller);
        return registry.all();
    }

    public Tenant create(AuthenticatedUser caller, JsonNode body) {
        requirePlatformAdmin(caller);
        JsonInput in = JsonInput.of(body, FIELDS);
        String slug = in.requiredMatching("slug", 31, DatabaseNames.SLUG);
        String name = in.requiredText("name", 100);
        String adminUsername = in.requiredMatching("adminUsername", 64, UserService.USERNAME);
        String adminPassword = in.requiredPassword("adminPassword");
        in.finish();
        return create(new NewTenant(slug, name, adminUsername, hasher.hash(adminPassword)));
    }

    /** Creates a tenant without a caller (first start, demo data). */
    public Tenant create(NewTenant tenant) {
        return provisioner.create(tenant);
    }

    private static void requirePlatformAdmin(AuthenticatedUser caller) {
        if (!caller.isPlatformAdmin()) {
            throw ApiException.forbidden();
        }
    }
}
