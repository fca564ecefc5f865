package com.weavecrm.platform.metadata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An object (standard or custom): a table of the tenant's schema and its fields, in order. */
public record ObjectDef(
        UUID id,
        String apiName,
        String table,
        Map<String, String> label,
        Map<String, String> labelPlural,
        boolean standard,
        String nameField,
        List<FieldDef> fields,
        long version) {

    /**
     * Objects the global search leaves out: the activity timeline and tasks are found from their
     * customer, not on their own — and they are the largest tables by far.
     */
    private static final java.util.Set<String> NOT_SEARCHED = java.util.Set.of("activity", "task");

    /** Whether the global search covers this object (and its records keep a search document). */
    public boolean searched() {
        return !NOT_SEARCHED.contains(apiName);
    }

    /** The sequence numbering an auto-number field of this object. */
    public String sequenceOf(FieldDef field) {
        return table + "_" + field.column() + "_seq";
    }

    public Optional<FieldDef> field(String apiName) {
        return fields.stream().filter(f -> f.apiName().equals(apiName)).findFirst();
    }

    public Map<String, FieldDef> fieldsByName() {
        Map<String, FieldDef> byName = new LinkedHashMap<>();
        fields.forEach(f -> byName.put(f.apiName(), f));
        return byName;
    }

    public String labelIn(String languageTag) {
        String text = label.get(languageTag);
        return text != null ? text : label.values().stream().findFirst().orElse(apiName);
    }
}
