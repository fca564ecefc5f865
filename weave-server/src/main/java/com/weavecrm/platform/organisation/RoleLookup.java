package com.weavecrm.platform.organisation;

import static org.jooq.impl.DSL.trueCondition;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.organisation.internal.RoleRepository;
import com.weavecrm.platform.organisation.internal.UserRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.JsonInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Role assignment rules: roles are named by api name, must exist, and someone who may not edit roles
 * may hand out only roles they hold themselves (no privilege escalation). A tenant always keeps at
 * least one active administrator.
 */
@Component
class RoleLookup {

    private final RoleRepository roles;
    private final UserRepository users;
    private final PermissionService permissions;

    RoleLookup(RoleRepository roles, UserRepository users, PermissionService permissions) {
        this.roles = roles;
        this.users = users;
        this.permissions = permissions;
    }

    /** Role ids for {@code names} in order; problems go to {@code in} (or throw when {@code in} is null). */
    Map<String, UUID> resolve(DSLContext dsl, TenantContext ctx, JsonInput in, List<String> names) {
        Map<String, UUID> found = roles.idsByApiName(dsl, ctx.tenant(), names);
        Map<String, UUID> ordered = new LinkedHashMap<>();
        List<String> mine = ctx.isSystem() || permissions.can(ctx, ObjectNames.ROLE, Action.UPDATE)
                ? null
                : users.find(dsl, ctx.tenant(), ctx.userId(), trueCondition())
                        .map(UserAccount::roles)
                        .orElse(List.of());
        for (String name : names) {
            if (!found.containsKey(name)) {
                report(in, FieldError.of("roles", "unknown_role", name));
            } else if (mine != null && !mine.contains(name)) {
                report(in, FieldError.of("roles", "not_assignable", name));
            } else {
                ordered.put(name, found.get(name));
            }
        }
        return ordered;
    }

    /** Refuses a change that would leave the tenant without an active administrator. */
    void requireAnActiveAdmin(DSLContext dsl, TenantContext ctx) {
        int admins = users.countActiveWithRole(dsl, ctx.tenant(), RoleTemplates.TENANT_ADMIN);
        if (admins == 0) {
            throw ApiException.unprocessable("problem.last_admin", List.of(FieldError.of("roles", "last_admin")));
        }
    }

    private static void report(JsonInput in, FieldError error) {
        if (in == null) {
            throw ApiException.badRequest(List.of(error));
        }
        in.error(error.field(), error.code(), error.args().toArray());
    }
}
