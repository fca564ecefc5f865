package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectViews;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.pool.Pool;
import java.util.List;

/**
 * Which entries of the left navigation the caller sees: only what they may read. {@code objects}
 * are the business objects whose records the caller may read, each linking to its list page; {@code
 * pools} (公海) shows for those who may read leads or customers, {@code poolAdmin} for those who may
 * change settings; {@code followUp} (follow-up figures) for those who may read leads.
 */
public record Navigation(
        List<NavObject> objects,
        boolean objectManager,
        boolean orgUnits,
        boolean users,
        boolean roles,
        boolean settings,
        boolean audit,
        boolean tenants,
        boolean pools,
        boolean poolAdmin,
        boolean followUp) {

    /** A business object in the navigation: its api name and its plural label in the caller's language. */
    public record NavObject(String apiName, String label) {}

    static Navigation of(
            PermissionService permissions, ObjectViews objects, TenantContext ctx, AuthenticatedUser user) {
        List<NavObject> readable = objects.visible(ctx).stream()
                .filter(o -> permissions.can(ctx, o.apiName(), Action.READ))
                .map(o -> new NavObject(o.apiName(), o.labelPlural()))
                .toList();
        return new Navigation(
                readable,
                permissions.can(ctx, ObjectNames.METADATA, Action.READ),
                permissions.can(ctx, ObjectNames.ORG_UNIT, Action.READ),
                permissions.can(ctx, ObjectNames.USER, Action.READ),
                permissions.can(ctx, ObjectNames.ROLE, Action.READ),
                permissions.can(ctx, ObjectNames.SETTINGS, Action.READ),
                permissions.can(ctx, ObjectNames.AUDIT, Action.READ),
                user.isPlatformAdmin(),
                Pool.OBJECTS.stream().anyMatch(o -> permissions.can(ctx, o, Action.READ)),
                permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE),
                permissions.can(ctx, "lead", Action.READ));
    }

    public boolean anyAdmin() {
        return objectManager || orgUnits || users || roles || settings || audit || poolAdmin;
    }
}
