package com.weavecrm.platform.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which records of an object an action reaches, from narrowest to widest. {@code OWN}: records the
 * user owns; {@code TEAM}: owned by the user or anyone reporting to them, at any depth; {@code
 * UNIT}: owned by anyone in the user's org unit or below; {@code ALL}: the whole tenant.
 */
public enum DataScope {
    NONE,
    OWN,
    TEAM,
    UNIT,
    ALL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean allows() {
        return this != NONE;
    }

    public DataScope widest(DataScope other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** A scope a role may grant (not {@code none}). */
    public static Optional<DataScope> parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s != NONE && s.apiName().equals(value))
                .findFirst();
    }
}
