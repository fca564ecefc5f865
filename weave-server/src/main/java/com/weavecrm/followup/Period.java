package com.weavecrm.followup;

import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The deadlines counted: those started from {@code from} (inclusive) to {@code until} (exclusive; null: no end). */
public record Period(OffsetDateTime from, OffsetDateTime until) {

    /** Longest period the figures cover, in days. */
    public static final int MAX_DAYS = 366;

    /**
     * Whole days in {@code zone}, both ends included; 400 naming {@code from} or {@code to} when a date
     * is missing, the end comes before the start, or the period is longer than {@value #MAX_DAYS} days.
     */
    public static Period ofDays(LocalDate from, LocalDate to, ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        if (from == null) {
            errors.add(FieldError.of("from", "required"));
        }
        if (to == null) {
            errors.add(FieldError.of("to", "required"));
        }
        if (errors.isEmpty() && to.isBefore(from)) {
            errors.add(FieldError.of("to", "not_after_from"));
        }
        if (errors.isEmpty() && ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            errors.add(FieldError.of("from", "out_of_range", 1, MAX_DAYS));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return new Period(
                from.atStartOfDay(zone).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }
}
