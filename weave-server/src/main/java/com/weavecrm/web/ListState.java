package com.weavecrm.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * What a list page shows, all in its address (so every list is linkable and the back button works):
 * the saved view, the columns, the builder's rows, the advanced filter, the sort, table or kanban.
 */
record ListState(
        String object,
        UUID view,
        List<String> columns,
        List<FilterBuilder.Condition> conditions,
        String advanced,
        String sort,
        String mode,
        String groupBy) {

    static ListState of(
            String object,
            UUID view,
            List<String> cols,
            List<String> fields,
            List<String> operators,
            List<String> values,
            String advanced,
            String sort,
            String mode,
            String groupBy) {
        List<FilterBuilder.Condition> conditions = new ArrayList<>();
        int rows = fields == null ? 0 : Math.min(fields.size(), 20);
        for (int i = 0; i < rows; i++) {
            conditions.add(new FilterBuilder.Condition(fields.get(i), at(operators, i, "eq"), at(values, i, "")));
        }
        conditions.removeIf(FilterBuilder.Condition::isBlank);
        return new ListState(
                object,
                view,
                cols == null
                        ? List.of()
                        : cols.stream().filter(c -> !c.isBlank()).toList(),
                List.copyOf(conditions),
                blankToNull(advanced),
                blankToNull(sort),
                "kanban".equals(mode) ? "kanban" : "table",
                blankToNull(groupBy));
    }

    public boolean kanban() {
        return "kanban".equals(mode);
    }

    /** The sort after clicking a column's header: ascending first, then descending. */
    public String toggledSort(String field) {
        return field.equals(sort) ? "-" + field : field;
    }

    /** Whether the list is sorted by {@code field}: "asc", "desc" or null. */
    public String sortedBy(String field) {
        if (field.equals(sort)) {
            return "asc";
        }
        return ("-" + field).equals(sort) ? "desc" : null;
    }

    /** The list without the builder's row {@code index} (its remove button). */
    public String withoutCondition(int index) {
        List<FilterBuilder.Condition> kept = new ArrayList<>(conditions);
        kept.remove(index);
        return new ListState(object, view, columns, List.copyOf(kept), advanced, sort, mode, groupBy).url();
    }

    public String url() {
        return "/records/" + object + "?" + query(sort, mode, groupBy);
    }

    public String withSort(String newSort) {
        return "/records/" + object + "?" + query(newSort, mode, groupBy);
    }

    public String withMode(String newMode, String newGroupBy) {
        return "/records/" + object + "?" + query(sort, newMode, newGroupBy);
    }

    /** The address of the next rows of the table. */
    public String rows(String cursor) {
        return "/records/" + object + "/rows?" + query(sort, mode, groupBy) + "&cursor=" + encode(cursor);
    }

    private String query(String newSort, String newMode, String newGroupBy) {
        StringJoiner q = new StringJoiner("&");
        if (view != null) {
            q.add("view=" + view);
        }
        columns.forEach(c -> q.add("col=" + encode(c)));
        for (FilterBuilder.Condition c : conditions) {
            q.add("f=" + encode(c.field()) + "&op=" + encode(c.operator()) + "&v=" + encode(c.value()));
        }
        if (advanced != null) {
            q.add("cel=" + encode(advanced));
        }
        if (newSort != null) {
            q.add("sort=" + encode(newSort));
        }
        if ("kanban".equals(newMode)) {
            q.add("mode=kanban");
            if (newGroupBy != null) {
                q.add("by=" + encode(newGroupBy));
            }
        }
        return q.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String at(List<String> values, int i, String fallback) {
        return values != null && i < values.size() ? values.get(i) : fallback;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
