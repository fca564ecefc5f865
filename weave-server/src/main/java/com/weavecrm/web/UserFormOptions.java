package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.organisation.OrgUnitService;
import com.weavecrm.platform.organisation.Role;
import com.weavecrm.platform.organisation.RoleService;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserFilter;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.RequestLocales;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The choices of the user forms and the names the user table shows: units (in tree order), possible
 * managers and roles, each limited to what the caller may read (nothing when they may not).
 */
@Component
class UserFormOptions {

    /** Managers offered in the form; a tenant with more active users gets the first ones by username. */
    static final int MAX_MANAGERS = 200;

    private final OrgUnitService units;
    private final UserService users;
    private final RoleService roles;
    private final PermissionService permissions;

    UserFormOptions(OrgUnitService units, UserService users, RoleService roles, PermissionService permissions) {
        this.units = units;
        this.users = users;
        this.roles = roles;
        this.permissions = permissions;
    }

    List<OrgTree.Row> units(TenantContext ctx) {
        return permissions.can(ctx, ObjectNames.ORG_UNIT, Action.READ) ? OrgTree.of(units.list(ctx)) : List.of();
    }

    Map<UUID, String> unitNames(TenantContext ctx) {
        return permissions.can(ctx, ObjectNames.ORG_UNIT, Action.READ) ? OrgTree.names(units.list(ctx)) : Map.of();
    }

    List<UserAccount> managers(TenantContext ctx, UUID except) {
        return users.list(ctx, new UserFilter(null, UserAccount.ACTIVE, null), null, MAX_MANAGERS).data().stream()
                .filter(u -> !u.id().equals(except))
                .toList();
    }

    List<Role> roles(TenantContext ctx) {
        return permissions.can(ctx, ObjectNames.ROLE, Action.READ) ? roles.list(ctx) : List.of();
    }

    Map<String, String> roleLabels(TenantContext ctx) {
        String language = RequestLocales.toTag(LocaleContextHolder.getLocale());
        Map<String, String> labels = new LinkedHashMap<>();
        roles(ctx).forEach(r -> labels.put(r.apiName(), r.labelIn(language)));
        return labels;
    }
}
