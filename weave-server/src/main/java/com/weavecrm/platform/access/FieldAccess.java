package com.weavecrm.platform.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a role sees a field. A hidden field is absent from every response, and refused in filters,
 * sorts and writes with the same error as a field that does not exist.
 */
public enum FieldAccess {
    HIDDEN,
    READ_ONLY,
    EDITABLE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean readable() {
        return this != HIDDEN;
    }

    public boolean writable() {
        return this == EDITABLE;
    }

    public FieldAccess widest(FieldAccess other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public static Optional<FieldAccess> parse(String value) {
        return Arrays.stream(values()).filter(a -> a.apiName().equals(value)).findFirst();
    }
}
