package com.weavecrm.notification.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** SQL of pending task reminders ({@code task_reminder}): one per task at most. */
@Repository
public class ReminderRepository {

    /** A pending reminder: the task and the due time it reminds of. */
    public record Reminder(UUID taskId, OffsetDateTime dueAt) {}

    private static final Field<UUID> TASK_ID = field(name("task_id"), UUID.class);
    private static final Field<OffsetDateTime> DUE_AT = field(name("due_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> FIRE_AT = field(name("fire_at"), OffsetDateTime.class);

    public void set(DSLContext dsl, Tenant tenant, UUID taskId, OffsetDateTime dueAt, OffsetDateTime fireAt) {
        dsl.insertInto(tenant.table("task_reminder"))
                .set(TASK_ID, taskId)
                .set(DUE_AT, dueAt)
                .set(FIRE_AT, fireAt)
                .onConflict(TASK_ID)
                .doUpdate()
                .set(DUE_AT, dueAt)
                .set(FIRE_AT, fireAt)
                .execute();
    }

    public void remove(DSLContext dsl, Tenant tenant, UUID taskId) {
        dsl.deleteFrom(tenant.table("task_reminder")).where(TASK_ID.eq(taskId)).execute();
    }

    /**
     * Takes up to {@code limit} reminders due by {@code now}, earliest first, and deletes them: another
     * server's sweep skips the rows this transaction holds, and a rollback gives them back.
     */
    public List<Reminder> takeDue(DSLContext dsl, Tenant tenant, OffsetDateTime now, int limit) {
        List<Reminder> due = dsl.select(TASK_ID, DUE_AT)
                .from(tenant.table("task_reminder"))
                .where(FIRE_AT.le(now))
                .orderBy(FIRE_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(r -> new Reminder(r.value1(), r.value2()));
        if (!due.isEmpty()) {
            dsl.deleteFrom(tenant.table("task_reminder"))
                    .where(TASK_ID.in(due.stream().map(Reminder::taskId).toList()))
                    .execute();
        }
        return due;
    }
}
