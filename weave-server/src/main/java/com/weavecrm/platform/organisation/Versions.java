package com.weavecrm.platform.organisation;

import com.weavecrm.platform.web.ApiException;

/** Optimistic locking: a write names the version it read ({@code If-Match}); a stale one is 409. */
final class Versions {

    private Versions() {}

    /** The version the caller expects: the {@code If-Match} value when given, else the current one. */
    static long expected(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return current;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            long expected = Long.parseLong(value);
            if (expected != current) {
                throw ApiException.staleVersion();
            }
            return expected;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "invalid_version");
        }
    }
}
