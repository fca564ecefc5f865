package com.weavecrm.handover.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.trueCondition;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * SQL of a hand-over: which of a leaver's records are still open (conditions over the record's table
 * aliased {@code r}, as {@link com.weavecrm.platform.records.RecordOwners} reads it), how many, and
 * giving open tasks assigned to the leaver a new assignee in one statement.
 */
@Repository
public class HandOverRepository {

    private static final Field<UUID> R_OWNER = field(name("r", "owner_id"), UUID.class);
    private static final Field<OffsetDateTime> R_DELETED_AT = field(name("r", "deleted_at"), OffsetDateTime.class);

    /** The leaver's records whose {@code column} (a picklist or text) is not one of {@code closed}. */
    public static Condition ownedOpen(UUID owner, String column, Set<String> closed) {
        Condition open = column == null ? trueCondition() : openIn("r", column, closed);
        return R_OWNER.eq(owner).and(open);
    }

    public int count(DSLContext dsl, Table<?> table, Condition where) {
        return dsl.select(org.jooq.impl.DSL.count())
                .from(table.as("r"))
                .where(where)
                .and(R_DELETED_AT.isNull())
                .fetchOne(0, Integer.class);
    }

    /** How many open tasks are assigned to the user. */
    public int countAssigned(
            DSLContext dsl, Table<?> tasks, String assignee, String status, Set<String> closed, UUID user) {
        return count(dsl, tasks, field(name("r", assignee), UUID.class).eq(user).and(openIn("r", status, closed)));
    }

    /** Gives the open tasks assigned to {@code from} the assignee {@code to}; the ids of the tasks changed. */
    public List<UUID> reassignTasks(
            DSLContext dsl,
            Table<?> tasks,
            String assignee,
            String status,
            Set<String> closed,
            UUID from,
            UUID to,
            OffsetDateTime at) {
        Field<UUID> id = field(name("t", "id"), UUID.class);
        return dsl.update(tasks.as("t"))
                .set(field(name(assignee), UUID.class), to)
                .set(
                        field(name("version"), Long.class),
                        field(name("t", "version"), Long.class).plus(1))
                .set(field(name("updated_at"), OffsetDateTime.class), at)
                .where(field(name("t", assignee), UUID.class).eq(from))
                .and(openIn("t", status, closed))
                .and(field(name("t", "deleted_at")).isNull())
                .returningResult(id)
                .fetch(r -> r.get(id));
    }

    private static Condition openIn(String alias, String column, Set<String> closed) {
        Field<String> value = field(name(alias, column), String.class);
        return value.isNull().or(value.notIn(closed));
    }
}
