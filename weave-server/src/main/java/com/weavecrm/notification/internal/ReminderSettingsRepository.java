package com.weavecrm.notification.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** SQL of the tenant's notification settings ({@code notification_settings}, one row). */
@Repository
public class ReminderSettingsRepository {

    /** The settings row: minutes before a task's due time that its assignee is reminded. */
    public record Row(int taskReminderMinutes, long version) {}

    private static final Field<Integer> MINUTES = field(name("task_reminder_minutes"), Integer.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);

    public Row find(DSLContext dsl, Tenant tenant) {
        return dsl.select(MINUTES, VERSION)
                .from(tenant.table("notification_settings"))
                .fetchOptional(r -> new Row(r.value1(), r.value2()))
                .orElse(new Row(15, 0));
    }

    public boolean update(DSLContext dsl, Tenant tenant, int minutes, long expectedVersion) {
        return dsl.update(tenant.table("notification_settings"))
                        .set(MINUTES, minutes)
                        .set(VERSION, VERSION.plus(1))
                        .set(UPDATED_AT, currentOffsetDateTime())
                        .where(VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }
}
