package com.weavecrm.notification.internal;

import com.weavecrm.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Keeps each task's reminder in step with the task, in the transaction of every write: a task with a
 * due time in the future, an assignee and an open status has one pending reminder at its due time
 * minus the tenant's offset (at once when that has passed); any other task has none. So a change of
 * due time moves it, and completing or deleting the task removes it.
 */
@Component
public class TaskReminders {

    public static final Set<String> CLOSED = Set.of("done", "cancelled");

    private final ReminderRepository reminders;
    private final ReminderSettingsRepository settings;
    private final Clock clock;

    public TaskReminders(ReminderRepository reminders, ReminderSettingsRepository settings, Clock clock) {
        this.reminders = reminders;
        this.settings = settings;
        this.clock = clock;
    }

    /** After a write of task {@code id}: {@code record} is the task as it now is, or null when deleted. */
    public void afterWrite(DSLContext dsl, TenantContext ctx, UUID id, Map<String, Object> record) {
        Instant now = clock.instant();
        Instant due = record == null ? null : instant(record.get("dueAt"));
        Object status = record == null ? null : record.get("status");
        boolean wanted = due != null
                && due.isAfter(now)
                && record.get("assigneeId") != null
                && (status == null || !CLOSED.contains(status.toString()));
        if (!wanted) {
            reminders.remove(dsl, ctx.tenant(), id);
            return;
        }
        Duration offset = Duration.ofMinutes(settings.find(dsl, ctx.tenant()).taskReminderMinutes());
        Instant fireAt = due.minus(offset).isAfter(now) ? due.minus(offset) : now;
        reminders.set(
                dsl,
                ctx.tenant(),
                id,
                OffsetDateTime.ofInstant(due, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(fireAt, ZoneOffset.UTC));
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime at) {
            return at.toInstant();
        }
        if (value instanceof Instant at) {
            return at;
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        return null;
    }
}
