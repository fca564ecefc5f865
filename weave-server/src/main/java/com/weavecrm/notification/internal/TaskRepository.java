package com.weavecrm.notification.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.Column;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Reads a task as it is now, when its reminder is due (the fields are the standard ones). */
@Repository
public class TaskRepository {

    /** What a reminder needs of a task; {@code deleted} when it is in the recycle bin. */
    public record Task(
            UUID id, String subject, OffsetDateTime dueAt, String status, UUID assigneeId, boolean deleted) {}

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<OffsetDateTime> DELETED_AT = field(name("deleted_at"), OffsetDateTime.class);

    public Optional<Task> find(DSLContext dsl, Tenant tenant, ObjectDef task, UUID id) {
        Field<Object> subject = column(task, "subject");
        Field<Object> dueAt = column(task, "dueAt");
        Field<Object> status = column(task, "status");
        Field<Object> assignee = column(task, "assigneeId");
        return dsl.select(subject, dueAt, status, assignee, DELETED_AT)
                .from(tenant.table(task.table()))
                .where(ID.eq(id))
                .fetchOptional(r -> new Task(
                        id,
                        text(r, subject),
                        r.get(dueAt) instanceof OffsetDateTime at ? at : null,
                        text(r, status),
                        r.get(assignee) instanceof UUID user ? user : null,
                        r.get(DELETED_AT) != null));
    }

    private static Field<Object> column(ObjectDef task, String apiName) {
        FieldDef field = task.field(apiName)
                .orElseThrow(() -> new IllegalStateException("the task object has no field " + apiName));
        return Column.of(field).sql();
    }

    private static String text(Record r, Field<Object> field) {
        Object value = r.get(field);
        return value == null ? null : value.toString();
    }
}
