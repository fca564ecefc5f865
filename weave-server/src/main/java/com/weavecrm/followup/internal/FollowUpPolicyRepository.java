package com.weavecrm.followup.internal;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;

import com.weavecrm.followup.FollowUpPolicy;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** Follow-up policies of a tenant. */
@Repository
public class FollowUpPolicyRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<Integer> POSITION = field(name("position"), Integer.class);
    private static final Field<String> CONDITION = field(name("condition"), String.class);
    private static final Field<Integer> FIRST_RESPONSE = field(name("first_response_minutes"), Integer.class);
    private static final Field<Integer> FOLLOW_UP = field(name("follow_up_hours"), Integer.class);
    private static final Field<String> ON_BREACH = field(name("on_breach"), String.class);
    private static final Field<Boolean> ACTIVE = field(name("active"), Boolean.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);

    private static Table<Record> policies(Tenant tenant) {
        return tenant.table("followup_policy");
    }

    public List<FollowUpPolicy> all(DSLContext dsl, Tenant tenant) {
        return dsl.select(ID, NAME, POSITION, CONDITION, FIRST_RESPONSE, FOLLOW_UP, ON_BREACH, ACTIVE, VERSION)
                .from(policies(tenant))
                .orderBy(POSITION, NAME)
                .fetch(FollowUpPolicyRepository::policy);
    }

    public Optional<FollowUpPolicy> find(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.select(ID, NAME, POSITION, CONDITION, FIRST_RESPONSE, FOLLOW_UP, ON_BREACH, ACTIVE, VERSION)
                .from(policies(tenant))
                .where(ID.eq(id))
                .fetchOptional(FollowUpPolicyRepository::policy);
    }

    public int nextPosition(DSLContext dsl, Tenant tenant) {
        return dsl.select(coalesce(max(POSITION), 0)).from(policies(tenant)).fetchOne(0, Integer.class) + 1;
    }

    public void insert(DSLContext dsl, Tenant tenant, FollowUpPolicy p) {
        dsl.insertInto(policies(tenant)).set(ID, p.id()).set(values(p)).execute();
    }

    /** Stores the policy when its version is still {@code version}; false when someone changed it first. */
    public boolean update(DSLContext dsl, Tenant tenant, FollowUpPolicy p, long version) {
        return dsl.update(policies(tenant))
                        .set(values(p))
                        .set(VERSION, VERSION.plus(1))
                        .set(UPDATED_AT, OffsetDateTime.now())
                        .where(ID.eq(p.id()), VERSION.eq(version))
                        .execute()
                == 1;
    }

    private static Map<Field<?>, Object> values(FollowUpPolicy p) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(NAME, p.name());
        values.put(POSITION, p.position());
        values.put(CONDITION, p.condition());
        values.put(FIRST_RESPONSE, p.firstResponseMinutes());
        values.put(FOLLOW_UP, p.followUpHours());
        values.put(ON_BREACH, p.onBreach().apiName());
        values.put(ACTIVE, p.active());
        return values;
    }

    /** Puts a policy at {@code position}; a policy that moves gets a new version. */
    public void move(DSLContext dsl, Tenant tenant, UUID id, int position) {
        dsl.update(policies(tenant))
                .set(POSITION, position)
                .set(VERSION, VERSION.plus(1))
                .set(UPDATED_AT, OffsetDateTime.now())
                .where(ID.eq(id), POSITION.ne(position))
                .execute();
    }

    public boolean delete(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.deleteFrom(policies(tenant)).where(ID.eq(id)).execute() == 1;
    }

    private static FollowUpPolicy policy(
            org.jooq.Record9<UUID, String, Integer, String, Integer, Integer, String, Boolean, Long> r) {
        return new FollowUpPolicy(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                r.value6(),
                FollowUpPolicy.OnBreach.valueOf(r.value7().toUpperCase(Locale.ROOT)),
                r.value8(),
                r.value9());
    }
}
