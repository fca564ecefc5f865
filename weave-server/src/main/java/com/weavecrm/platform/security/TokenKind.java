package com.weavecrm.platform.security;

import java.util.Locale;

/** Where a bearer secret came from. */
public enum TokenKind {
    /** {@code POST /api/v1/auth/login} */
    LOGIN,
    /** the UI's session cookie */
    SESSION,
    /** a personal API token the user created */
    PERSONAL;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
