package com.weavecrm.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** A label entered as a Chinese and an English input, in the API's shape. */
final class LabelInputs {

    private LabelInputs() {}

    /** {@code {"zh-CN": ..., "en": ...}} without the empty languages (the service falls back to the other), or null when both are empty. */
    static Map<String, String> of(String zh, String en) {
        Map<String, String> label = new LinkedHashMap<>();
        if (!Body.blank(zh)) {
            label.put("zh-CN", zh.strip());
        }
        if (!Body.blank(en)) {
            label.put("en", en.strip());
        }
        return label.isEmpty() ? null : label;
    }
}
