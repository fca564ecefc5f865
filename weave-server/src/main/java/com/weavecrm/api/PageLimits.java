package com.weavecrm.api;

import com.weavecrm.platform.web.ApiException;

/** The {@code limit} parameter of list calls: an integer from 1 to 200, 50 when absent. */
final class PageLimits {

    static final int DEFAULT = 50;
    static final int MAX = 200;

    private PageLimits() {}

    static int parse(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit", "out_of_range", 1, MAX);
    }
}
