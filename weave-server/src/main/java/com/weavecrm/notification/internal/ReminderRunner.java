package com.weavecrm.notification.internal;

import com.weavecrm.notification.Notice;
import com.weavecrm.notification.NoticeKinds;
import com.weavecrm.notification.NoticeText;
import com.weavecrm.notification.Notifications;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Fires the due task reminders of a tenant: reads each task as it is now and, when it is still open,
 * assigned, not deleted and due at the time the reminder was set for, tells the assignee ({@code
 * task_due}) — once per task and due time. Taking a reminder and giving the notice commit together.
 */
@Component
class ReminderRunner {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int BATCH = 200;

    private final TenantTx tx;
    private final MetadataService metadata;
    private final ReminderRepository reminders;
    private final TaskRepository tasks;
    private final SettingsService settings;
    private final Notifications notifications;
    private final Clock clock;

    ReminderRunner(
            TenantTx tx,
            MetadataService metadata,
            ReminderRepository reminders,
            TaskRepository tasks,
            SettingsService settings,
            Notifications notifications,
            Clock clock) {
        this.tx = tx;
        this.metadata = metadata;
        this.reminders = reminders;
        this.tasks = tasks;
        this.settings = settings;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Fires every due reminder of the tenant, in batches; how many were due. */
    int sweep(Tenant tenant) {
        TenantContext ctx = TenantContext.system(tenant, "task-reminder");
        int total = 0;
        int taken;
        do {
            taken = tx.call(ctx, dsl -> {
                List<ReminderRepository.Reminder> due =
                        reminders.takeDue(dsl, tenant, OffsetDateTime.now(clock), BATCH);
                if (!due.isEmpty()) {
                    ObjectDef task = metadata.catalog(ctx).find("task").orElse(null);
                    ZoneId zone = zone(settings.get(ctx).timezone());
                    for (ReminderRepository.Reminder reminder : due) {
                        if (task != null) {
                            fire(dsl, ctx, task, zone, reminder);
                        }
                    }
                }
                return due.size();
            });
            total += taken;
        } while (taken == BATCH);
        return total;
    }

    private void fire(
            DSLContext dsl, TenantContext ctx, ObjectDef object, ZoneId zone, ReminderRepository.Reminder reminder) {
        TaskRepository.Task task =
                tasks.find(dsl, ctx.tenant(), object, reminder.taskId()).orElse(null);
        if (task == null
                || task.deleted()
                || task.assigneeId() == null
                || task.dueAt() == null
                || !sameTime(task.dueAt().toInstant(), reminder.dueAt().toInstant())
                || (task.status() != null && TaskReminders.CLOSED.contains(task.status()))) {
            return;
        }
        String subject = task.subject() == null ? "" : task.subject();
        String when = task.dueAt().atZoneSameInstant(zone).format(WHEN);
        notifications.notify(
                dsl,
                ctx,
                Notice.of(
                                task.assigneeId(),
                                NoticeKinds.TASK_DUE,
                                NoticeText.of("notification.task_due.title", subject))
                        .withBody(NoticeText.of("notification.task_due.body", subject, when))
                        .about("task", task.id())
                        .once("task_due:" + task.id() + ":" + task.dueAt().toInstant()));
    }

    /** Both sides are stored times; a little slack all the same. */
    private static boolean sameTime(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(Duration.ofMillis(1)) < 0;
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }
}
