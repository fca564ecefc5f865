package com.weavecrm.assignment.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;

import com.weavecrm.assignment.AssignmentRule;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** Assignment rules and their members, in order. */
@Repository
public class AssignmentRuleRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<Integer> POSITION = field(name("position"), Integer.class);
    private static final Field<Boolean> ACTIVE = field(name("active"), Boolean.class);
    private static final Field<String> CONDITION = field(name("condition"), String.class);
    private static final Field<String> STRATEGY = field(name("strategy"), String.class);
    private static final Field<String> QUEUE = field(name("queue"), String.class);
    private static final Field<UUID> ORG_UNIT_ID = field(name("org_unit_id"), UUID.class);
    private static final Field<Integer> DAILY_CAP = field(name("daily_cap"), Integer.class);
    private static final Field<Boolean> WORKING_HOURS_ONLY = field(name("working_hours_only"), Boolean.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> CREATED_BY = field(name("created_by"), UUID.class);
    private static final Field<UUID> UPDATED_BY = field(name("updated_by"), UUID.class);

    private static final Field<UUID> RULE_ID = field(name("rule_id"), UUID.class);
    private static final Field<UUID> USER_ID = field(name("user_id"), UUID.class);
    private static final Field<Integer> WEIGHT = field(name("weight"), Integer.class);

    private static Table<Record> rules(Tenant tenant) {
        return tenant.table("assignment_rule");
    }

    private static Table<Record> members(Tenant tenant) {
        return tenant.table("assignment_rule_member");
    }

    public List<AssignmentRule> findAll(DSLContext dsl, Tenant tenant) {
        return find(dsl, tenant, org.jooq.impl.DSL.noCondition());
    }

    public Optional<AssignmentRule> find(DSLContext dsl, Tenant tenant, UUID id) {
        return find(dsl, tenant, ID.eq(id)).stream().findFirst();
    }

    public int count(DSLContext dsl, Tenant tenant) {
        return dsl.fetchCount(rules(tenant));
    }

    public int nextPosition(DSLContext dsl, Tenant tenant) {
        Integer last = dsl.select(max(POSITION)).from(rules(tenant)).fetchOne(0, Integer.class);
        return last == null ? 0 : last + 1;
    }

    public void insert(DSLContext dsl, Tenant tenant, AssignmentRule rule, UUID by) {
        dsl.insertInto(rules(tenant))
                .set(ID, rule.id())
                .set(NAME, rule.name())
                .set(POSITION, rule.position())
                .set(ACTIVE, rule.active())
                .set(CONDITION, rule.condition())
                .set(STRATEGY, rule.strategy())
                .set(QUEUE, rule.queue())
                .set(ORG_UNIT_ID, rule.orgUnitId())
                .set(DAILY_CAP, rule.dailyCap())
                .set(WORKING_HOURS_ONLY, rule.workingHoursOnly())
                .set(CREATED_BY, by)
                .set(UPDATED_BY, by)
                .execute();
        insertMembers(dsl, tenant, rule);
    }

    /** Saves the rule if it still has {@code expected} version; false when someone changed it meanwhile. */
    public boolean update(DSLContext dsl, Tenant tenant, AssignmentRule rule, long expected, UUID by) {
        int updated = dsl.update(rules(tenant))
                .set(NAME, rule.name())
                .set(ACTIVE, rule.active())
                .set(CONDITION, rule.condition())
                .set(STRATEGY, rule.strategy())
                .set(QUEUE, rule.queue())
                .set(ORG_UNIT_ID, rule.orgUnitId())
                .set(DAILY_CAP, rule.dailyCap())
                .set(WORKING_HOURS_ONLY, rule.workingHoursOnly())
                .set(VERSION, VERSION.plus(1))
                .set(UPDATED_AT, OffsetDateTime.now())
                .set(UPDATED_BY, by)
                .where(ID.eq(rule.id()), VERSION.eq(expected))
                .execute();
        if (updated == 0) {
            return false;
        }
        dsl.deleteFrom(members(tenant)).where(RULE_ID.eq(rule.id())).execute();
        insertMembers(dsl, tenant, rule);
        return true;
    }

    /** Moves a rule to {@code position}; its version goes up when it moved. */
    public void move(DSLContext dsl, Tenant tenant, UUID id, int position, UUID by) {
        dsl.update(rules(tenant))
                .set(POSITION, position)
                .set(VERSION, VERSION.plus(1))
                .set(UPDATED_AT, OffsetDateTime.now())
                .set(UPDATED_BY, by)
                .where(ID.eq(id), POSITION.ne(position))
                .execute();
    }

    public boolean delete(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.deleteFrom(rules(tenant)).where(ID.eq(id)).execute() > 0;
    }

    private static void insertMembers(DSLContext dsl, Tenant tenant, AssignmentRule rule) {
        if (rule.members().isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(members(tenant), RULE_ID, USER_ID, WEIGHT, POSITION);
        int position = 0;
        for (AssignmentRule.Member member : rule.members()) {
            insert = insert.values(rule.id(), member.userId(), member.weight(), position++);
        }
        insert.execute();
    }

    private static List<AssignmentRule> find(DSLContext dsl, Tenant tenant, Condition condition) {
        List<Record> rows = dsl
                .select(
                        ID,
                        NAME,
                        POSITION,
                        ACTIVE,
                        CONDITION,
                        STRATEGY,
                        QUEUE,
                        ORG_UNIT_ID,
                        DAILY_CAP,
                        WORKING_HOURS_ONLY,
                        VERSION,
                        CREATED_AT,
                        UPDATED_AT)
                .from(rules(tenant))
                .where(condition)
                .orderBy(POSITION, CREATED_AT, ID)
                .fetch()
                .stream()
                .map(r -> (Record) r)
                .toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<AssignmentRule.Member>> members = new LinkedHashMap<>();
        dsl.select(RULE_ID, USER_ID, WEIGHT)
                .from(members(tenant))
                .where(RULE_ID.in(rows.stream().map(r -> r.get(ID)).toList()))
                .orderBy(RULE_ID, POSITION)
                .forEach(m -> members.computeIfAbsent(m.value1(), k -> new ArrayList<>())
                        .add(new AssignmentRule.Member(m.value2(), m.value3())));
        return rows.stream()
                .map(r -> new AssignmentRule(
                        r.get(ID),
                        r.get(NAME),
                        r.get(POSITION),
                        r.get(ACTIVE),
                        r.get(CONDITION),
                        r.get(STRATEGY),
                        r.get(QUEUE),
                        r.get(ORG_UNIT_ID),
                        List.copyOf(members.getOrDefault(r.get(ID), List.of())),
                        r.get(DAILY_CAP),
                        r.get(WORKING_HOURS_ONLY),
                        r.get(VERSION),
                        r.get(CREATED_AT),
                        r.get(UPDATED_AT)))
                .toList();
    }
}
