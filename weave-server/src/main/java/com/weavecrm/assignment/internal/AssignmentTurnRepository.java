package com.weavecrm.assignment.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * Whose turn it is (a rotation position per rule and scope, locked while an intake picks so that
 * concurrent intakes take turns) and how many leads each user got per day (for daily caps).
 */
@Repository
public class AssignmentTurnRepository {

    /** Where a rotation stands: the next position and who got the last lead. */
    public record Turn(long next, UUID lastUserId) {}

    private static final Field<UUID> RULE_ID = field(name("rule_id"), UUID.class);
    private static final Field<String> SCOPE = field(name("scope"), String.class);
    private static final Field<Long> NEXT = field(name("next"), Long.class);
    private static final Field<UUID> LAST_USER_ID = field(name("last_user_id"), UUID.class);
    private static final Field<UUID> USER_ID = field(name("user_id"), UUID.class);
    private static final Field<LocalDate> DAY = field(name("day"), LocalDate.class);
    private static final Field<Integer> ASSIGNED = field(name("assigned"), Integer.class);

    private static Table<Record> counters(Tenant tenant) {
        return tenant.table("assignment_counter");
    }

    private static Table<Record> daily(Tenant tenant) {
        return tenant.table("assignment_daily");
    }

    /** The rotation of a rule's scope, its row locked until the transaction ends (created at 0 when new). */
    public Turn lock(DSLContext dsl, Tenant tenant, UUID ruleId, String scope) {
        dsl.insertInto(counters(tenant))
                .set(RULE_ID, ruleId)
                .set(SCOPE, scope)
                .onConflictDoNothing()
                .execute();
        return dsl.select(NEXT, LAST_USER_ID)
                .from(counters(tenant))
                .where(RULE_ID.eq(ruleId), SCOPE.eq(scope))
                .forUpdate()
                .fetchOne(r -> new Turn(r.value1(), r.value2()));
    }

    /** The rotation without locking or creating it (a dry run). */
    public Turn peek(DSLContext dsl, Tenant tenant, UUID ruleId, String scope) {
        return dsl.select(NEXT, LAST_USER_ID)
                .from(counters(tenant))
                .where(RULE_ID.eq(ruleId), SCOPE.eq(scope))
                .fetchOptional(r -> new Turn(r.value1(), r.value2()))
                .orElse(new Turn(0, null));
    }

    public void advance(DSLContext dsl, Tenant tenant, UUID ruleId, String scope, long next, UUID lastUserId) {
        dsl.update(counters(tenant))
                .set(NEXT, next)
                .set(LAST_USER_ID, lastUserId)
                .where(RULE_ID.eq(ruleId), SCOPE.eq(scope))
                .execute();
    }

    /** How many leads each of these users got on {@code day}. */
    public Map<UUID, Integer> assigned(DSLContext dsl, Tenant tenant, Collection<UUID> users, LocalDate day) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (users.isEmpty()) {
            return counts;
        }
        dsl.select(USER_ID, ASSIGNED)
                .from(daily(tenant))
                .where(USER_ID.in(users), DAY.eq(day))
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /**
     * Counts one more lead for the user on {@code day}, atomically and only while they have fewer than
     * {@code cap} (no limit when null); the new count, or empty when the cap was reached meanwhile.
     */
    public Optional<Integer> take(DSLContext dsl, Tenant tenant, UUID user, LocalDate day, Integer cap) {
        Field<Integer> current = field(name(tenant.schema(), "assignment_daily", "assigned"), Integer.class);
        return dsl.insertInto(daily(tenant))
                .set(USER_ID, user)
                .set(DAY, day)
                .set(ASSIGNED, 1)
                .onConflict(USER_ID, DAY)
                .doUpdate()
                .set(ASSIGNED, current.plus(1))
                .where(cap == null ? noCondition() : current.lt(cap))
                .returningResult(ASSIGNED)
                .fetchOptional()
                .map(r -> r.value1());
    }
}
