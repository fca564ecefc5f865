package com.weavecrm.webform;

import com.weavecrm.platform.web.ApiException;

/** Optimistic locking: a write names the version it read ({@code If-Match}); a stale one is 409. */
final class IfMatch {

    private IfMatch() {}

    /** The version the caller expects: the {@code If-Match} value when given, else the current one. */
    static long expected(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return current;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            long expected = Long.parseLong(value.replace("\"", ""));
            if (expected != current) {
                throw ApiException.staleVersion();
            }
            return expected;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "invalid_version");
        }
    }
}
