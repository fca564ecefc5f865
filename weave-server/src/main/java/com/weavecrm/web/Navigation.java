package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.tenancy.TenantContext;

/** Which entries of the left navigation the caller sees: only what they may read. */
public record Navigation(
        boolean orgUnits, boolean users, boolean roles, boolean settings, boolean audit, boolean tenants) {

    static Navigation of(PermissionService permissions, TenantContext ctx, AuthenticatedUser user) {
        return new Navigation(
                permissions.can(ctx, ObjectNames.ORG_UNIT, Action.READ),
                permissions.can(ctx, ObjectNames.USER, Action.READ),
                permissions.can(ctx, ObjectNames.ROLE, Action.READ),
                permissions.can(ctx, ObjectNames.SETTINGS, Action.READ),
                permissions.can(ctx, ObjectNames.AUDIT, Action.READ),
                user.isPlatformAdmin());
    }

    public boolean anyAdmin() {
        return orgUnits || users || roles || settings || audit;
    }
}
