package com.weavecrm.platform.organisation;

import com.weavecrm.platform.tenancy.NewTenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantInitializer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What every new tenant starts with: its settings, the root of its organisation (kind {@code hq},
 * named after the tenant), the built-in role templates and the first administrator in the root.
 */
@Component
class OrganisationInitializer implements TenantInitializer {

    private final SettingsService settings;
    private final OrgUnitService units;
    private final RoleService roles;
    private final UserService users;

    OrganisationInitializer(SettingsService settings, OrgUnitService units, RoleService roles, UserService users) {
        this.settings = settings;
        this.units = units;
        this.roles = roles;
        this.users = users;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void initialise(DSLContext dsl, TenantContext ctx, NewTenant tenant) {
        settings.initialise(dsl, ctx, tenant.name());
        OrgUnit root = units.createRoot(dsl, ctx, tenant.name());
        RoleTemplates.all().forEach(template -> roles.createTemplate(dsl, ctx, template));
        if (tenant.adminPasswordHash() != null) {
            users.createAdministrator(dsl, ctx, tenant.adminUsername(), tenant.adminPasswordHash(), root);
        }
    }
}
