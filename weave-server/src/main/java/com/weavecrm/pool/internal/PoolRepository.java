package com.weavecrm.pool.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.selectOne;

import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.pool.Pool;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** SQL of the pools themselves ({@code pool}). */
@Repository
public class PoolRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<String> CONDITION = field(name("condition"), String.class);
    private static final Field<Integer> INACTIVE_DAYS = field(name("inactive_days"), Integer.class);
    private static final Field<String[]> CLAIM_ROLES = field(name("claim_roles"), String[].class);
    private static final Field<UUID[]> CLAIM_UNITS = field(name("claim_units"), UUID[].class);
    private static final Field<Integer> DAILY_CLAIM_LIMIT = field(name("daily_claim_limit"), Integer.class);
    private static final Field<Integer> PREVIOUS_OWNER_WAIT_DAYS =
            field(name("previous_owner_wait_days"), Integer.class);
    private static final Field<Boolean> ACTIVE = field(name("active"), Boolean.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> CREATED_BY = field(name("created_by"), UUID.class);

    /** Every pool, oldest first (the order in which they reclaim and take returned records). */
    public List<Pool> all(DSLContext dsl, Tenant tenant) {
        return dsl.select(columns())
                .from(tenant.table("pool"))
                .orderBy(CREATED_AT, ID)
                .fetch(PoolRepository::toPool);
    }

    public Optional<Pool> find(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.select(columns()).from(tenant.table("pool")).where(ID.eq(id)).fetchOptional(PoolRepository::toPool);
    }

    public boolean nameTaken(DSLContext dsl, Tenant tenant, String name, UUID except) {
        return dsl.fetchExists(selectOne()
                .from(tenant.table("pool"))
                .where(lower(NAME).eq(name.toLowerCase(java.util.Locale.ROOT)))
                .and(except == null ? org.jooq.impl.DSL.trueCondition() : ID.ne(except)));
    }

    public void insert(DSLContext dsl, Tenant tenant, Pool pool, UUID createdBy) {
        dsl.insertInto(tenant.table("pool"))
                .set(ID, pool.id())
                .set(NAME, pool.name())
                .set(OBJECT, pool.object())
                .set(CONDITION, pool.condition())
                .set(INACTIVE_DAYS, pool.inactiveDays())
                .set(CLAIM_ROLES, pool.claimRoles().toArray(String[]::new))
                .set(CLAIM_UNITS, pool.claimUnits().toArray(UUID[]::new))
                .set(DAILY_CLAIM_LIMIT, pool.dailyClaimLimit())
                .set(PREVIOUS_OWNER_WAIT_DAYS, pool.previousOwnerWaitDays())
                .set(ACTIVE, pool.active())
                .set(CREATED_BY, createdBy)
                .execute();
    }

    /** Writes the pool's settings; false when its version is no longer {@code expectedVersion}. */
    public boolean update(DSLContext dsl, Tenant tenant, Pool pool, long expectedVersion) {
        return dsl.update(tenant.table("pool"))
                        .set(NAME, pool.name())
                        .set(CONDITION, pool.condition())
                        .set(INACTIVE_DAYS, pool.inactiveDays())
                        .set(CLAIM_ROLES, pool.claimRoles().toArray(String[]::new))
                        .set(CLAIM_UNITS, pool.claimUnits().toArray(UUID[]::new))
                        .set(DAILY_CLAIM_LIMIT, pool.dailyClaimLimit())
                        .set(PREVIOUS_OWNER_WAIT_DAYS, pool.previousOwnerWaitDays())
                        .set(ACTIVE, pool.active())
                        .set(VERSION, VERSION.plus(1))
                        .set(UPDATED_AT, org.jooq.impl.DSL.currentOffsetDateTime())
                        .where(ID.eq(pool.id()))
                        .and(VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    public void delete(DSLContext dsl, Tenant tenant, UUID id) {
        dsl.deleteFrom(tenant.table("pool")).where(ID.eq(id)).execute();
    }

    private static List<Field<?>> columns() {
        return List.of(
                ID,
                NAME,
                OBJECT,
                CONDITION,
                INACTIVE_DAYS,
                CLAIM_ROLES,
                CLAIM_UNITS,
                DAILY_CLAIM_LIMIT,
                PREVIOUS_OWNER_WAIT_DAYS,
                ACTIVE,
                VERSION,
                CREATED_AT,
                UPDATED_AT);
    }

    private static Pool toPool(Record r) {
        return new Pool(
                r.get(ID),
                r.get(NAME),
                r.get(OBJECT),
                r.get(CONDITION),
                r.get(INACTIVE_DAYS),
                Arrays.asList(r.get(CLAIM_ROLES)),
                Arrays.asList(r.get(CLAIM_UNITS)),
                r.get(DAILY_CLAIM_LIMIT),
                r.get(PREVIOUS_OWNER_WAIT_DAYS),
                r.get(ACTIVE),
                r.get(VERSION),
                r.get(CREATED_AT),
                r.get(UPDATED_AT));
    }
}
