package com.weavecrm.platform.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One field's value before and after a write; secrets are recorded as changed, never by value. */
public record FieldChange(String field, Object oldValue, Object newValue) {

    public static final String REDACTED = "***";

    /** The fields whose values differ between {@code before} and {@code after}, in {@code after}'s order. */
    public static List<FieldChange> diff(Map<String, ?> before, Map<String, ?> after) {
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, ?> entry : after.entrySet()) {
            Object old = before.get(entry.getKey());
            if (!Objects.equals(old, entry.getValue())) {
                changes.add(new FieldChange(entry.getKey(), old, entry.getValue()));
            }
        }
        return changes;
    }

    /** Every non-null value of a newly created record. */
    public static List<FieldChange> created(Map<String, ?> values) {
        return values.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> new FieldChange(e.getKey(), null, e.getValue()))
                .toList();
    }
}
