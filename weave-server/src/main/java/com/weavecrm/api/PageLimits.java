package com.weavecrm.api;

import com.weavecrm.platform.web.ApiException;

/** The {@code limit} parameter of list calls: an integer from 1 to 200 (or another maximum), 50 when absent. */
final class PageLimits {

    static final int DEFAULT = 50;
    static final int MAX = 200;

    private PageLimits() {}

    static int parse(String limit) {
        return parse(limit, DEFAULT, MAX);
    }

    /** A limit from 1 to {@code max}, {@code fallback} when absent. */
    static int parse(String limit, int fallback, int max) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit", "out_of_range", 1, max);
    }
}
