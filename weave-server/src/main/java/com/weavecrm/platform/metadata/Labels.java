package com.weavecrm.platform.metadata;

import com.weavecrm.platform.web.JsonInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Labels given as a string (the same in every language) or as {@code {"zh-CN": "...", "en": "..."}}
 * (a missing language falls back to the other).
 */
public final class Labels {

    private static final int MAX_LENGTH = 100;

    private Labels() {}

    /** The label of {@code field}, or null (with an error in {@code in}) when it is required and bad. */
    public static Map<String, String> read(JsonInput in, String field, boolean required) {
        Optional<JsonNode> node = in.node(field);
        if (node.isEmpty()) {
            if (required) {
                in.error(field, "required");
            }
            return null;
        }
        Map<String, String> label = parse(node.get());
        if (label == null) {
            in.error(field, "invalid_label");
        }
        return label;
    }

    public static Map<String, String> parse(JsonNode value) {
        if (value.isString()) {
            String text = clean(value);
            return text == null ? null : Map.of("zh-CN", text, "en", text);
        }
        if (value.isObject() && value.size() <= 2) {
            String zh = clean(value.get("zh-CN"));
            String en = clean(value.get("en"));
            if (zh == null && en == null) {
                return null;
            }
            Map<String, String> label = new LinkedHashMap<>();
            label.put("zh-CN", zh != null ? zh : en);
            label.put("en", en != null ? en : zh);
            return label;
        }
        return null;
    }

    private static String clean(JsonNode node) {
        if (node == null || !node.isString()) {
            return null;
        }
        String text = node.stringValue().strip();
        return text.isEmpty() || text.length() > MAX_LENGTH ? null : text;
    }
}
