package com.weavecrm.assignment.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.assignment.Absence;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** Who is away when. */
@Repository
public class AssignmentAbsenceRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<UUID> USER_ID = field(name("user_id"), UUID.class);
    private static final Field<OffsetDateTime> STARTS_AT = field(name("starts_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> ENDS_AT = field(name("ends_at"), OffsetDateTime.class);
    private static final Field<String> NOTE = field(name("note"), String.class);
    private static final Field<UUID> CREATED_BY = field(name("created_by"), UUID.class);

    private static Table<Record> absences(Tenant tenant) {
        return tenant.table("assignment_absence");
    }

    /** Absences that end after {@code after}, of one user when given, soonest first. */
    public List<Absence> list(DSLContext dsl, Tenant tenant, UUID userId, OffsetDateTime after, int limit) {
        Condition condition = ENDS_AT.gt(after);
        if (userId != null) {
            condition = condition.and(USER_ID.eq(userId));
        }
        return dsl.select(ID, USER_ID, STARTS_AT, ENDS_AT, NOTE)
                .from(absences(tenant))
                .where(condition)
                .orderBy(STARTS_AT, ID)
                .limit(limit)
                .fetch(r -> new Absence(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public Optional<Absence> find(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.select(ID, USER_ID, STARTS_AT, ENDS_AT, NOTE)
                .from(absences(tenant))
                .where(ID.eq(id))
                .fetchOptional(r -> new Absence(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    public void insert(DSLContext dsl, Tenant tenant, Absence absence, UUID by) {
        dsl.insertInto(absences(tenant))
                .set(ID, absence.id())
                .set(USER_ID, absence.userId())
                .set(STARTS_AT, absence.from())
                .set(ENDS_AT, absence.to())
                .set(NOTE, absence.note())
                .set(CREATED_BY, by)
                .execute();
    }

    public boolean delete(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.deleteFrom(absences(tenant)).where(ID.eq(id)).execute() > 0;
    }

    /** Which of these users are away at {@code at}. */
    public Set<UUID> away(DSLContext dsl, Tenant tenant, Collection<UUID> users, OffsetDateTime at) {
        if (users.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(dsl.selectDistinct(USER_ID)
                .from(absences(tenant))
                .where(USER_ID.in(users), STARTS_AT.le(at), ENDS_AT.gt(at))
                .fetch(USER_ID));
    }
}
