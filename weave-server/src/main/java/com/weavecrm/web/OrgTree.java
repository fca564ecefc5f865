package com.weavecrm.web;

import com.weavecrm.platform.organisation.OrgUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Org units in tree order (each unit followed by its subtree), with their indentation level. */
final class OrgTree {

    /** One line of the tree: the unit, its level below the top of what the caller sees, its label. */
    record Row(OrgUnit unit, int level, String indented) {
        /** The Bootstrap icon of the unit's kind. */
        public String icon() {
            return switch (unit.kind()) {
                case "hq" -> "bi-building";
                case "region" -> "bi-geo-alt";
                case "store" -> "bi-shop";
                case "team" -> "bi-people";
                default -> "bi-folder2";
            };
        }
    }

    private OrgTree() {}

    static List<Row> of(List<OrgUnit> units) {
        Set<UUID> ids = units.stream().map(OrgUnit::id).collect(Collectors.toSet());
        Map<UUID, List<OrgUnit>> children = new HashMap<>();
        List<OrgUnit> tops = new ArrayList<>();
        for (OrgUnit unit : units) {
            if (unit.parentId() != null && ids.contains(unit.parentId())) {
                children.computeIfAbsent(unit.parentId(), k -> new ArrayList<>())
                        .add(unit);
            } else {
                tops.add(unit);
            }
        }
        List<Row> rows = new ArrayList<>();
        tops.sort(ORDER);
        for (OrgUnit top : tops) {
            walk(top, 0, children, rows);
        }
        return rows;
    }

    /** The names of units by id, for tables that show a user's unit. */
    static Map<UUID, String> names(List<OrgUnit> units) {
        Map<UUID, String> names = new LinkedHashMap<>();
        units.forEach(u -> names.put(u.id(), u.name()));
        return names;
    }

    private static final Comparator<OrgUnit> ORDER =
            Comparator.comparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::name);

    private static void walk(OrgUnit unit, int level, Map<UUID, List<OrgUnit>> children, List<Row> rows) {
        rows.add(new Row(unit, level, "\u3000".repeat(level) + unit.name()));
        List<OrgUnit> below = new ArrayList<>(children.getOrDefault(unit.id(), List.of()));
        below.sort(ORDER);
        for (OrgUnit child : below) {
            walk(child, level + 1, children, rows);
        }
    }
}
