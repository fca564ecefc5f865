package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.Grant;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.organisation.Role;
import com.weavecrm.platform.organisation.RolePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A role's permissions as a readable matrix — one row per object, one scope per action — and back:
 * the form's cells grouped into the API's permission entries (one per object and scope).
 */
final class RoleMatrix {

    static final List<String> ACTIONS =
            Arrays.stream(Action.values()).map(Action::apiName).toList();
    static final List<String> SCOPES = List.of("own", "team", "unit", "all");
    static final List<String> ACCESS_LEVELS = List.of("hidden", "read_only", "editable");
    static final String CELL = "scope:";

    /** One object's row: the scope of each action ("" when not granted). */
    record Row(String object, Map<String, String> scopes) {
        public boolean administrative() {
            return ObjectNames.ADMINISTRATIVE.contains(object);
        }

        public boolean any() {
            return Grant.ANY_OBJECT.equals(object);
        }
    }

    private RoleMatrix() {}

    /** The objects shown: administrative, standard, "*", then any other the role names. */
    static List<String> objects(Role role) {
        Set<String> objects = new LinkedHashSet<>(ObjectNames.ADMINISTRATIVE);
        objects.addAll(ObjectNames.STANDARD);
        objects.add(Grant.ANY_OBJECT);
        role.permissions().forEach(p -> objects.add(p.object()));
        return List.copyOf(objects);
    }

    static List<Row> rows(Role role) {
        List<Row> rows = new ArrayList<>();
        for (String object : objects(role)) {
            Map<String, String> scopes = new LinkedHashMap<>();
            ACTIONS.forEach(a -> scopes.put(a, ""));
            for (RolePermission permission : role.permissions()) {
                if (permission.object().equals(object)) {
                    permission.actions().forEach(a -> scopes.put(a, permission.scope()));
                }
            }
            rows.add(new Row(object, scopes));
        }
        return rows;
    }

    /** Rows as they came back in a form ({@code scope:<object>:<action>} = scope). */
    static List<Row> rows(List<String> objects, Map<String, String> params) {
        List<Row> rows = new ArrayList<>();
        for (String object : objects) {
            Map<String, String> scopes = new LinkedHashMap<>();
            ACTIONS.forEach(a -> scopes.put(a, params.getOrDefault(CELL + object + ":" + a, "")));
            rows.add(new Row(object, scopes));
        }
        return rows;
    }

    /** The API's permission list: for each object, one entry per scope with its actions in order. */
    static List<Map<String, Object>> permissions(List<Row> rows) {
        List<Map<String, Object>> permissions = new ArrayList<>();
        for (Row row : rows) {
            Map<String, List<String>> byScope = new LinkedHashMap<>();
            row.scopes().forEach((action, scope) -> {
                if (scope != null && !scope.isBlank()) {
                    byScope.computeIfAbsent(scope, s -> new ArrayList<>()).add(action);
                }
            });
            byScope.forEach((scope, actions) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("object", row.object());
                entry.put("actions", actions);
                entry.put("scope", scope);
                permissions.add(entry);
            });
        }
        return permissions;
    }

    /** Field-access rules from the form's parallel lists; rows without object and field are skipped. */
    static List<Map<String, Object>> fieldAccess(List<String> objects, List<String> fields, List<String> access) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            String object = objects.get(i);
            String field = i < fields.size() ? fields.get(i) : "";
            if (Body.blank(object) && Body.blank(field)) {
                continue;
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("object", object.strip());
            rule.put("field", field.strip());
            rule.put("access", i < access.size() ? access.get(i) : "");
            rules.add(rule);
        }
        return rules;
    }
}
