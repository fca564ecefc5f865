package com.weavecrm.dedupe;

import java.math.BigDecimal;

/**
 * How duplicates of one object are judged: pairs whose evidence adds up to {@code threshold} are
 * duplicates, and a create or update that duplicates an existing record is let through ({@code off}),
 * let through with the matches shown ({@code warn}) or refused with 409 ({@code block}).
 */
public record DedupeSettings(String object, BigDecimal threshold, OnWrite onWrite, long version) {

    public static final BigDecimal DEFAULT_THRESHOLD = new BigDecimal("4.5");

    /** What a write that duplicates an existing record does. */
    public enum OnWrite {
        OFF,
        WARN,
        BLOCK;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static DedupeSettings defaults(String object) {
        return new DedupeSettings(object, DEFAULT_THRESHOLD, OnWrite.WARN, 0);
    }
}
