package com.weavecrm.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repeated rows of a form, posted as {@code prefix[index].key} inputs (rows added in the browser get
 * fresh indexes, so indexes may have gaps): the rows in index order, each a map of its keys. A row
 * whose {@code content} inputs are all empty was left blank and is skipped.
 */
final class FormRows {

    private static final Pattern NAME = Pattern.compile("([a-zA-Z]+)\\[(\\d{1,6})]\\.([a-zA-Z]+)");

    private FormRows() {}

    static List<Map<String, String>> of(Map<String, String> params, String prefix, List<String> content) {
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        params.forEach((name, value) -> {
            Matcher m = NAME.matcher(name);
            if (m.matches() && m.group(1).equals(prefix)) {
                rows.computeIfAbsent(Integer.parseInt(m.group(2)), i -> new HashMap<>())
                        .put(m.group(3), value == null ? "" : value.strip());
            }
        });
        return rows.values().stream()
                .filter(row -> content.stream().anyMatch(key -> !Body.blank(row.get(key))))
                .toList();
    }
}
