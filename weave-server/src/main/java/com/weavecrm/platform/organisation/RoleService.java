package com.weavecrm.platform.organisation;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.DataScope;
import com.weavecrm.platform.access.FieldAccess;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.organisation.internal.RoleRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.JsonInput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Roles and their permissions. Every change is audited as a {@code permission_change} and bumps the
 * tenant's security version, so cached permissions of every signed-in user are reloaded.
 */
@Service
public class RoleService {

    public static final Pattern API_NAME = Pattern.compile("[a-z][a-z0-9_]{1,40}");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");
    private static final Set<String> FIELDS = Set.of("apiName", "label", "description", "permissions", "fieldAccess");

    private final TenantTx tx;
    private final PermissionService permissions;
    private final RoleRepository repository;
    private final AuditLog audit;

    public RoleService(TenantTx tx, PermissionService permissions, RoleRepository repository, AuditLog audit) {
        this.tx = tx;
        this.permissions = permissions;
        this.repository = repository;
        this.audit = audit;
    }

    public List<Role> list(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.ROLE, Action.READ);
        return tx.call(ctx, dsl -> repository.findAll(dsl, ctx.tenant()));
    }

    public Role get(TenantContext ctx, String apiName) {
        permissions.require(ctx, ObjectNames.ROLE, Action.READ);
        return tx.call(ctx, dsl -> repository.findByApiName(dsl, ctx.tenant(), apiName))
                .orElseThrow(ApiException::notFound);
    }

    public Role create(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.ROLE, Action.CREATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        String apiName = in.requiredMatching("apiName", 41, API_NAME);
        Map<String, String> label = label(in, apiName, true);
        String description = in.optionalText("description", 500).orElse(null);
        List<RolePermission> grants = permissionList(in);
        List<RoleFieldAccess> fieldAccess = fieldAccessList(in);
        in.finish();
        return tx.call(ctx, dsl -> {
            if (repository.findByApiName(dsl, ctx.tenant(), apiName).isPresent()) {
                throw ApiException.duplicate("apiName");
            }
            Role role = new Role(
                    UUID.randomUUID(), apiName, label, description, false, false, grants, fieldAccess, 1, null, null);
            insert(dsl, ctx, role);
            return repository.findByApiName(dsl, ctx.tenant(), apiName).orElseThrow();
        });
    }

    /** Creates a built-in template in a new tenant. */
    public void createTemplate(DSLContext dsl, TenantContext ctx, RoleTemplates.Template template) {
        insert(
                dsl,
                ctx,
                new Role(
                        UUID.randomUUID(),
                        template.apiName(),
                        template.label(),
                        null,
                        true,
                        template.locked(),
                        template.permissions(),
                        List.of(),
                        1,
                        null,
                        null));
    }

    public Role update(TenantContext ctx, String apiName, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.ROLE, Action.UPDATE);
        JsonInput in = JsonInput.of(body, FIELDS);
        if (in.has("apiName") && !apiName.equals(body.get("apiName").asString(""))) {
            in.error("apiName", "immutable");
        }
        Map<String, String> label = in.has("label") ? label(in, apiName, true) : null;
        Optional<String> description = in.optionalText("description", 500);
        List<RolePermission> grants = in.has("permissions") ? permissionList(in) : null;
        List<RoleFieldAccess> fieldAccess = in.has("fieldAccess") ? fieldAccessList(in) : null;
        in.finish();
        return tx.call(ctx, dsl -> {
            Role role = repository.findByApiName(dsl, ctx.tenant(), apiName).orElseThrow(ApiException::notFound);
            long expected = Versions.expected(ifMatch, role.version());
            if (role.locked() && (grants != null || fieldAccess != null)) {
                throw ApiException.unprocessable(
                        "problem.role_locked", List.of(FieldError.of("permissions", "locked")));
            }
            Role changed = new Role(
                    role.id(),
                    apiName,
                    label != null ? label : role.label(),
                    in.has("description") ? description.orElse(null) : role.description(),
                    role.builtin(),
                    role.locked(),
                    grants != null ? grants : role.permissions(),
                    fieldAccess != null ? fieldAccess : role.fieldAccess(),
                    role.version(),
                    role.createdAt(),
                    role.updatedAt());
            if (!repository.update(dsl, ctx.tenant(), changed, expected)) {
                throw ApiException.staleVersion();
            }
            permissions.permissionsChanged(dsl, ctx);
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.PERMISSION_CHANGE,
                    ObjectNames.ROLE,
                    role.id(),
                    FieldChange.diff(values(role), values(changed)),
                    "role " + apiName + " changed");
            return repository.findByApiName(dsl, ctx.tenant(), apiName).orElseThrow();
        });
    }

    public void delete(TenantContext ctx, String apiName) {
        permissions.require(ctx, ObjectNames.ROLE, Action.DELETE);
        tx.run(ctx, dsl -> {
            Role role = repository.findByApiName(dsl, ctx.tenant(), apiName).orElseThrow(ApiException::notFound);
            if (role.builtin()) {
                throw ApiException.unprocessable("problem.role_builtin", List.of(FieldError.of("apiName", "builtin")));
            }
            repository.delete(dsl, ctx.tenant(), role.id());
            permissions.permissionsChanged(dsl, ctx);
            audit.record(
                    dsl,
                    ctx,
                    AuditAction.PERMISSION_CHANGE,
                    ObjectNames.ROLE,
                    role.id(),
                    FieldChange.diff(values(role), Map.of()),
                    "role " + apiName + " deleted");
        });
    }

    private void insert(DSLContext dsl, TenantContext ctx, Role role) {
        repository.insert(dsl, ctx.tenant(), role);
        permissions.permissionsChanged(dsl, ctx);
        audit.record(
                dsl,
                ctx,
                AuditAction.PERMISSION_CHANGE,
                ObjectNames.ROLE,
                role.id(),
                FieldChange.created(values(role)),
                "role " + role.apiName() + " created");
    }

    private static Map<String, String> label(JsonInput in, String fallback, boolean required) {
        Optional<JsonNode> node = in.node("label");
        if (node.isEmpty()) {
            if (required && fallback != null) {
                return Map.of("zh-CN", fallback, "en", fallback);
            }
            return null;
        }
        JsonNode value = node.get();
        if (value.isString()
                && !value.stringValue().isBlank()
                && value.stringValue().length() <= 100) {
            return Map.of(
                    "zh-CN",
                    value.stringValue().strip(),
                    "en",
                    value.stringValue().strip());
        }
        if (value.isObject()) {
            String zh = text(value.get("zh-CN"));
            String en = text(value.get("en"));
            if ((zh != null || en != null) && value.size() <= 2) {
                return Map.of("zh-CN", zh != null ? zh : en, "en", en != null ? en : zh);
            }
        }
        in.error("label", "invalid_label");
        return null;
    }

    private static String text(JsonNode node) {
        return node != null
                        && node.isString()
                        && !node.stringValue().isBlank()
                        && node.stringValue().length() <= 100
                ? node.stringValue().strip()
                : null;
    }

    /** The items of an array member; none when it is absent, and an error when it is not an array. */
    private static Iterable<JsonNode> array(JsonInput in, String name) {
        Optional<JsonNode> node = in.node(name);
        if (node.isPresent() && !node.get().isArray()) {
            in.error(name, "invalid_type", "array");
            return List.of();
        }
        return node.map(JsonNode::values).orElse(List.of());
    }

    private static List<RolePermission> permissionList(JsonInput in) {
        List<RolePermission> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode item : array(in, "permissions")) {
            String at = "permissions[" + index++ + "]";
            String object = text(item.get("object"));
            if (object == null || !ObjectNames.isValid(object)) {
                in.error(at + ".object", "invalid_object");
                continue;
            }
            Optional<DataScope> scope =
                    Optional.ofNullable(text(item.get("scope"))).flatMap(DataScope::parse);
            if (scope.isEmpty()) {
                in.error(at + ".scope", "invalid_scope");
            }
            JsonNode actions = item.get("actions");
            List<String> actionNames = new ArrayList<>();
            if (actions == null || !actions.isArray() || actions.isEmpty()) {
                in.error(at + ".actions", "required");
            } else {
                for (JsonNode action : actions.values()) {
                    Optional<Action> parsed = Optional.ofNullable(text(action)).flatMap(Action::parse);
                    if (parsed.isEmpty()) {
                        in.error(at + ".actions", "invalid_action");
                    } else if (!seen.add(object + "/" + parsed.get().apiName())) {
                        in.error(at + ".actions", "duplicate");
                    } else {
                        actionNames.add(parsed.get().apiName());
                    }
                }
            }
            for (String key : item.propertyNames()) {
                if (!Set.of("object", "actions", "scope").contains(key)) {
                    in.error(at + "." + key, "unknown_field");
                }
            }
            scope.ifPresent(s -> result.add(new RolePermission(object, actionNames, s.apiName())));
        }
        return result;
    }

    private static List<RoleFieldAccess> fieldAccessList(JsonInput in) {
        List<RoleFieldAccess> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode item : array(in, "fieldAccess")) {
            String at = "fieldAccess[" + index++ + "]";
            String object = text(item.get("object"));
            String field = text(item.get("field"));
            Optional<FieldAccess> access =
                    Optional.ofNullable(text(item.get("access"))).flatMap(FieldAccess::parse);
            if (object == null || !ObjectNames.API_NAME.matcher(object).matches()) {
                in.error(at + ".object", "invalid_object");
            } else if (field == null || !FIELD_NAME.matcher(field).matches()) {
                in.error(at + ".field", "invalid_field");
            } else if (access.isEmpty()) {
                in.error(at + ".access", "invalid_access");
            } else if (!seen.add(object + "/" + field)) {
                in.error(at + ".field", "duplicate");
            } else {
                result.add(new RoleFieldAccess(object, field, access.get().apiName()));
            }
        }
        return result;
    }

    private static Map<String, Object> values(Role role) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("apiName", role.apiName());
        values.put("label", role.label());
        values.put("description", role.description());
        values.put("permissions", role.permissions());
        values.put("fieldAccess", role.fieldAccess());
        return values;
    }
}
