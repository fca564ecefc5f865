package com.weavecrm.assignment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** Moments for moving the test clock: the latest past {@code day} at {@code hour}:00 in Shanghai. */
final class WorkingTimes {

    private WorkingTimes() {}

    static Instant lastAt(DayOfWeek day, int hour) {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Shanghai"));
        ZonedDateTime at = now.with(TemporalAdjusters.previousOrSame(day))
                .withHour(hour)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        return (at.isAfter(now) ? at.minusWeeks(1) : at).toInstant();
    }
}
