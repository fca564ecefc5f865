package com.weavecrm.platform.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a user does with records of an object. */
public enum Action {
    READ,
    CREATE,
    UPDATE,
    DELETE,
    EXPORT,
    IMPORT;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Action> parse(String value) {
        return Arrays.stream(values()).filter(a -> a.apiName().equals(value)).findFirst();
    }
}
