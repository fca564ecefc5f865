package com.weavecrm.assignment.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** The tenant's assignment settings: one row. */
@Repository
public class AssignmentSettingsRepository {

    /** The settings as stored. */
    public record Stored(
            UUID defaultOwnerId,
            boolean keepExistingOwner,
            List<Integer> workingDays,
            LocalTime workFrom,
            LocalTime workTo,
            long version,
            OffsetDateTime updatedAt) {}

    private static final Field<UUID> DEFAULT_OWNER_ID = field(name("default_owner_id"), UUID.class);
    private static final Field<Boolean> KEEP_EXISTING_OWNER = field(name("keep_existing_owner"), Boolean.class);
    private static final Field<Integer[]> WORKING_DAYS = field(name("working_days"), SQLDataType.INTEGER.array());
    private static final Field<LocalTime> WORK_FROM = field(name("work_from"), SQLDataType.LOCALTIME);
    private static final Field<LocalTime> WORK_TO = field(name("work_to"), SQLDataType.LOCALTIME);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> UPDATED_BY = field(name("updated_by"), UUID.class);

    private static Table<Record> settings(Tenant tenant) {
        return tenant.table("assignment_settings");
    }

    public Stored find(DSLContext dsl, Tenant tenant) {
        return dsl.select(DEFAULT_OWNER_ID, KEEP_EXISTING_OWNER, WORKING_DAYS, WORK_FROM, WORK_TO, VERSION, UPDATED_AT)
                .from(settings(tenant))
                .fetchOne(r -> new Stored(
                        r.value1(), r.value2(), List.of(r.value3()), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** Saves the settings if they still have {@code expected} version. */
    public boolean update(DSLContext dsl, Tenant tenant, Stored settings, long expected, UUID by) {
        return dsl.update(settings(tenant))
                        .set(DEFAULT_OWNER_ID, settings.defaultOwnerId())
                        .set(KEEP_EXISTING_OWNER, settings.keepExistingOwner())
                        .set(WORKING_DAYS, settings.workingDays().toArray(Integer[]::new))
                        .set(WORK_FROM, settings.workFrom())
                        .set(WORK_TO, settings.workTo())
                        .set(VERSION, VERSION.plus(1))
                        .set(UPDATED_AT, OffsetDateTime.now())
                        .set(UPDATED_BY, by)
                        .where(VERSION.eq(expected))
                        .execute()
                > 0;
    }
}
