package com.weavecrm.platform.access;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The permissions of one user: the union of all of their roles. Immutable; built once per user and
 * security version and cached.
 */
public final class AccessPolicy {

    /** The product itself: every action on every record. */
    public static final AccessPolicy SYSTEM = new AccessPolicy(Map.of(), Map.of(), true);

    private final Map<String, Map<Action, DataScope>> scopes;
    private final Map<String, Map<String, FieldAccess>> fields;
    private final boolean system;

    private AccessPolicy(
            Map<String, Map<Action, DataScope>> scopes, Map<String, Map<String, FieldAccess>> fields, boolean system) {
        this.scopes = scopes;
        this.fields = fields;
        this.system = system;
    }

    /**
     * The union of roles: for each action the widest scope any role grants; for each field the widest
     * access among the roles that may read the object (a field without a rule counts as editable).
     */
    public static AccessPolicy of(Map<UUID, List<Grant>> grantsByRole, Map<UUID, List<FieldRule>> rulesByRole) {
        Map<String, Map<Action, DataScope>> scopes = new HashMap<>();
        grantsByRole.values().stream()
                .flatMap(List::stream)
                .forEach(g -> scopes.computeIfAbsent(g.object(), o -> new EnumMap<>(Action.class))
                        .merge(g.action(), g.scope(), DataScope::widest));
        Map<String, Map<String, FieldAccess>> fields = new HashMap<>();
        rulesByRole.values().stream().flatMap(List::stream).forEach(rule -> {
            FieldAccess access = FieldAccess.HIDDEN;
            for (Map.Entry<UUID, List<Grant>> role : grantsByRole.entrySet()) {
                if (grantsRead(role.getValue(), rule.object())) {
                    access = access.widest(ruleOf(rulesByRole.get(role.getKey()), rule.object(), rule.field()));
                }
            }
            fields.computeIfAbsent(rule.object(), o -> new HashMap<>()).put(rule.field(), access);
        });
        return new AccessPolicy(scopes, fields, false);
    }

    /** The widest scope in which the user may do {@code action} on {@code object}; NONE if not at all. */
    public DataScope scope(String object, Action action) {
        if (system) {
            return DataScope.ALL;
        }
        DataScope specific = scopes.getOrDefault(object, Map.of()).getOrDefault(action, DataScope.NONE);
        DataScope any = scopes.getOrDefault(Grant.ANY_OBJECT, Map.of()).getOrDefault(action, DataScope.NONE);
        return specific.widest(any);
    }

    public FieldAccess field(String object, String field) {
        if (system) {
            return FieldAccess.EDITABLE;
        }
        if (!scope(object, Action.READ).allows()) {
            return FieldAccess.HIDDEN;
        }
        return fields.getOrDefault(object, Map.of()).getOrDefault(field, FieldAccess.EDITABLE);
    }

    /** Objects named in any grant (without the wildcard). */
    public Set<String> namedObjects() {
        return scopes.keySet();
    }

    public boolean isSystem() {
        return system;
    }

    private static boolean grantsRead(List<Grant> grants, String object) {
        return grants.stream()
                .anyMatch(g -> g.action() == Action.READ
                        && (g.object().equals(object) || g.object().equals(Grant.ANY_OBJECT)));
    }

    private static FieldAccess ruleOf(List<FieldRule> rules, String object, String field) {
        if (rules == null) {
            return FieldAccess.EDITABLE;
        }
        return rules.stream()
                .filter(r -> r.object().equals(object) && r.field().equals(field))
                .map(FieldRule::access)
                .findFirst()
                .orElse(FieldAccess.EDITABLE);
    }
}
