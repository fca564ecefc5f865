package com.weavecrm.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors: the sort key of the last row of a page, encoded so clients treat it as a
 * token. A cursor that does not decode is a 400 on {@code cursor}.
 */
public final class Cursors {

    private static final String MARK = "c1:";

    private Cursors() {}

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((MARK + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor carries, or null for no cursor. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(MARK)) {
                throw new IllegalArgumentException("not a cursor");
            }
            return text.substring(MARK.length());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor", "invalid_cursor");
        }
    }

    public static Long decodeLong(String cursor) {
        String key = decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("cursor", "invalid_cursor");
        }
    }
}
