package com.weavecrm.pool.internal;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import com.weavecrm.platform.records.RecordOwners;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * SQL of pool membership ({@code pool_entry}) and claims ({@code pool_claim}), and the conditions over
 * a record's table (aliased {@code r}, as {@link RecordOwners} reads it) that pick the records a
 * reclaim, a claim or a return moves. A record counts as pooled while it has an entry and no owner.
 */
@Repository
public class PoolEntryRepository {

    /** The owner of the record in the conditions given to {@link RecordOwners}. */
    public static final Field<UUID> R_OWNER = field(name("r", "owner_id"), UUID.class);

    private static final Field<UUID> R_ID = field(name("r", "id"), UUID.class);
    private static final Field<OffsetDateTime> R_UPDATED_AT = field(name("r", "updated_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> R_DELETED_AT = field(name("r", "deleted_at"), OffsetDateTime.class);

    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<UUID> RECORD_ID = field(name("record_id"), UUID.class);
    private static final Field<UUID> POOL_ID = field(name("pool_id"), UUID.class);
    private static final Field<UUID> PREVIOUS_OWNER_ID = field(name("previous_owner_id"), UUID.class);
    private static final Field<OffsetDateTime> ENTERED_AT = field(name("entered_at"), OffsetDateTime.class);
    private static final Field<String> REASON = field(name("reason"), String.class);
    private static final Field<UUID> RETURNED_BY = field(name("returned_by"), UUID.class);
    private static final Field<UUID> USER_ID = field(name("user_id"), UUID.class);
    private static final Field<OffsetDateTime> CLAIMED_AT = field(name("claimed_at"), OffsetDateTime.class);

    private static final Field<UUID> E_RECORD_ID = field(name("e", "record_id"), UUID.class);
    private static final Field<UUID> E_POOL_ID = field(name("e", "pool_id"), UUID.class);
    private static final Field<String> E_OBJECT = field(name("e", "object"), String.class);
    private static final Field<UUID> E_PREVIOUS_OWNER_ID = field(name("e", "previous_owner_id"), UUID.class);
    private static final Field<OffsetDateTime> E_ENTERED_AT = field(name("e", "entered_at"), OffsetDateTime.class);
    private static final Field<String> E_REASON = field(name("e", "reason"), String.class);
    private static final Field<UUID> E_RETURNED_BY = field(name("e", "returned_by"), UUID.class);

    private static final int BATCH = 1_000;

    /** A record's place in a pool. */
    public record Entry(
            UUID recordId, OffsetDateTime enteredAt, String reason, UUID previousOwnerId, UUID returnedBy) {}

    /** Where an activity table's link to its customer and its time are. */
    public record ActivityTable(Table<?> table, String customerColumn, String occurredColumn) {}

    /**
     * Records with an owner whose last touch is before {@code cutoff}: neither the record changed nor
     * an activity of its customer ({@code customerColumn}: {@code id} for customers, the lead's
     * customer column for leads) happened since; {@code filter} is the pool's condition.
     */
    public static Condition inactive(
            OffsetDateTime cutoff, Condition filter, String customerColumn, ActivityTable activity) {
        Field<UUID> customer = field(name("r", customerColumn), UUID.class);
        Field<OffsetDateTime> occurred = field(name("a", activity.occurredColumn()), OffsetDateTime.class);
        Field<OffsetDateTime> created = field(name("a", "created_at"), OffsetDateTime.class);
        return R_OWNER.isNotNull()
                .and(R_UPDATED_AT.lt(cutoff))
                .and(filter)
                .and(notExists(selectOne()
                        .from(activity.table().as("a"))
                        .where(field(name("a", activity.customerColumn()), UUID.class)
                                .eq(customer))
                        .and(field(name("a", "deleted_at")).isNull())
                        .and(occurred.ge(cutoff).or(occurred.isNull().and(created.ge(cutoff))))));
    }

    /** The record, while it has no owner. */
    public static Condition ownerless(UUID recordId) {
        return R_ID.eq(recordId).and(R_OWNER.isNull());
    }

    /** Those of the records that have an owner and lie in {@code scope} (a condition on {@link #R_OWNER}). */
    public static Condition owned(Collection<UUID> recordIds, Condition scope) {
        return R_ID.in(recordIds).and(R_OWNER.isNotNull()).and(scope);
    }

    /** Puts moved records in the pool (an older entry of a record that got an owner again is replaced). */
    public void enter(
            DSLContext dsl,
            Tenant tenant,
            UUID poolId,
            String object,
            List<RecordOwners.OwnerChange> moved,
            OffsetDateTime at,
            String reason,
            UUID returnedBy) {
        for (int from = 0; from < moved.size(); from += BATCH) {
            var insert = dsl.insertInto(
                    tenant.table("pool_entry"),
                    OBJECT,
                    RECORD_ID,
                    POOL_ID,
                    PREVIOUS_OWNER_ID,
                    ENTERED_AT,
                    REASON,
                    RETURNED_BY);
            for (RecordOwners.OwnerChange change : moved.subList(from, Math.min(moved.size(), from + BATCH))) {
                insert = insert.values(
                        object, change.recordId(), poolId, change.previousOwner(), at, reason, returnedBy);
            }
            insert.onConflict(OBJECT, RECORD_ID)
                    .doUpdate()
                    .set(POOL_ID, excluded(POOL_ID))
                    .set(PREVIOUS_OWNER_ID, excluded(PREVIOUS_OWNER_ID))
                    .set(ENTERED_AT, excluded(ENTERED_AT))
                    .set(REASON, excluded(REASON))
                    .set(RETURNED_BY, excluded(RETURNED_BY))
                    .execute();
        }
    }

    /** The pool's entry of the record, locked: a second claim of the same record waits here. */
    public Optional<Entry> lock(DSLContext dsl, Tenant tenant, UUID poolId, String object, UUID recordId) {
        return dsl.select(RECORD_ID, ENTERED_AT, REASON, PREVIOUS_OWNER_ID, RETURNED_BY)
                .from(tenant.table("pool_entry"))
                .where(OBJECT.eq(object))
                .and(RECORD_ID.eq(recordId))
                .and(POOL_ID.eq(poolId))
                .forUpdate()
                .fetchOptional(r -> new Entry(
                        r.get(RECORD_ID),
                        r.get(ENTERED_AT),
                        r.get(REASON),
                        r.get(PREVIOUS_OWNER_ID),
                        r.get(RETURNED_BY)));
    }

    public void leave(DSLContext dsl, Tenant tenant, String object, UUID recordId) {
        dsl.deleteFrom(tenant.table("pool_entry"))
                .where(OBJECT.eq(object))
                .and(RECORD_ID.eq(recordId))
                .execute();
    }

    /** Whether anyone ever claimed the record from the pool. */
    public boolean claimedBefore(DSLContext dsl, Tenant tenant, UUID poolId, UUID recordId) {
        return dsl.fetchExists(selectOne()
                .from(tenant.table("pool_claim"))
                .where(POOL_ID.eq(poolId))
                .and(RECORD_ID.eq(recordId)));
    }

    public void claim(
            DSLContext dsl, Tenant tenant, UUID poolId, String object, UUID recordId, UUID userId, OffsetDateTime at) {
        dsl.insertInto(tenant.table("pool_claim"))
                .set(POOL_ID, poolId)
                .set(OBJECT, object)
                .set(RECORD_ID, recordId)
                .set(USER_ID, userId)
                .set(CLAIMED_AT, at)
                .execute();
    }

    public int claimsSince(DSLContext dsl, Tenant tenant, UUID poolId, UUID userId, OffsetDateTime since) {
        return dsl.fetchCount(tenant.table("pool_claim"), POOL_ID.eq(poolId), USER_ID.eq(userId), CLAIMED_AT.ge(since));
    }

    /**
     * Serialises the claims of one user (until the transaction ends): two claims at the same moment
     * cannot both pass the daily limit.
     */
    public void lockClaimant(DSLContext dsl, Tenant tenant, UUID userId) {
        dsl.select(field(
                        "pg_advisory_xact_lock(hashtextextended({0}, 0))",
                        Object.class, val("pool_claim:" + tenant.schema() + ":" + userId)))
                .fetch();
    }

    /** A page of the pool's records, newest in the pool first, after the entry {@code (at, id)} when given. */
    public List<Entry> page(
            DSLContext dsl,
            Tenant tenant,
            UUID poolId,
            Table<?> records,
            OffsetDateTime afterAt,
            UUID afterId,
            int limit) {
        Condition after = afterAt == null
                ? org.jooq.impl.DSL.trueCondition()
                : row(E_ENTERED_AT, E_RECORD_ID).lt(afterAt, afterId);
        return dsl.select(E_RECORD_ID, E_ENTERED_AT, E_REASON, E_PREVIOUS_OWNER_ID, E_RETURNED_BY)
                .from(tenant.table("pool_entry").as("e"))
                .join(records.as("r"))
                .on(R_ID.eq(E_RECORD_ID))
                .where(E_POOL_ID.eq(poolId))
                .and(R_OWNER.isNull())
                .and(R_DELETED_AT.isNull())
                .and(after)
                .orderBy(E_ENTERED_AT.desc(), E_RECORD_ID.desc())
                .limit(limit)
                .fetch(r -> new Entry(
                        r.get(E_RECORD_ID),
                        r.get(E_ENTERED_AT),
                        r.get(E_REASON),
                        r.get(E_PREVIOUS_OWNER_ID),
                        r.get(E_RETURNED_BY)));
    }

    /** How many records the pool holds now. */
    public long count(DSLContext dsl, Tenant tenant, UUID poolId, Table<?> records) {
        return dsl.select(org.jooq.impl.DSL.count())
                .from(tenant.table("pool_entry").as("e"))
                .join(records.as("r"))
                .on(R_ID.eq(E_RECORD_ID))
                .where(E_POOL_ID.eq(poolId))
                .and(R_OWNER.isNull())
                .and(R_DELETED_AT.isNull())
                .fetchOne(0, Long.class);
    }

    /** Which of the records are in a pool now (of any pool of the object). */
    public Set<UUID> pooled(DSLContext dsl, Tenant tenant, String object, Table<?> records, Collection<UUID> ids) {
        return dsl.select(E_RECORD_ID)
                .from(tenant.table("pool_entry").as("e"))
                .join(records.as("r"))
                .on(R_ID.eq(E_RECORD_ID))
                .where(E_OBJECT.eq(object))
                .and(E_RECORD_ID.in(ids))
                .and(R_OWNER.isNull())
                .fetchSet(E_RECORD_ID);
    }

    /** Whether the live record has an owner and meets {@code filter} (a pool's condition). */
    public boolean matches(DSLContext dsl, Table<?> records, UUID recordId, Condition filter) {
        return dsl.fetchExists(selectOne()
                .from(records.as("r"))
                .where(R_ID.eq(recordId))
                .and(R_OWNER.isNotNull())
                .and(R_DELETED_AT.isNull())
                .and(filter));
    }
}
