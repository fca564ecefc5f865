package com.weavecrm.platform.forms;

import java.util.List;
import java.util.Map;

/** The layout of an object's form: sections in order. */
public record FormLayout(String object, List<Section> sections, long version) {

    /**
     * A section of the form.
     *
     * @param columns 1 or 2
     * @param visibleIf a CEL condition on the record (the filter language); null: always shown
     */
    public record Section(Map<String, String> title, int columns, List<String> fields, String visibleIf) {}
}
