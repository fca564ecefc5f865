package com.weavecrm.pool;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.RecordOwners;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.Cursors;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.pool.internal.Claimants;
import com.weavecrm.pool.internal.PoolDetails;
import com.weavecrm.pool.internal.PoolEntryRepository;
import com.weavecrm.pool.internal.PoolNotices;
import com.weavecrm.pool.internal.PoolRepository;
import com.weavecrm.pool.internal.Reclaimer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Service;

/**
 * Working with a pool's records: list them, claim one, return records by hand, and — for other
 * capabilities — {@link #returnToPool}. Claims are serialised per record (the second of two
 * simultaneous claims gets 409) and per user (the daily limit holds under concurrency).
 */
@Service
public class PublicPool {

    /** At most this many records are returned in one call. */
    public static final int MAX_RETURNED = 200;

    private static final Duration RECLAIM_BUDGET = Duration.ofSeconds(60);

    private final TenantTx tx;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final RecordService records;
    private final RecordOwners owners;
    private final PoolRepository pools;
    private final PoolEntryRepository entries;
    private final Claimants claimants;
    private final Reclaimer reclaimer;
    private final Pools settings;
    private final PoolNotices notices;

    public PublicPool(
            TenantTx tx,
            PermissionService permissions,
            MetadataService metadata,
            RecordService records,
            RecordOwners owners,
            PoolRepository pools,
            PoolEntryRepository entries,
            Claimants claimants,
            Reclaimer reclaimer,
            Pools settings,
            PoolNotices notices) {
        this.tx = tx;
        this.permissions = permissions;
        this.metadata = metadata;
        this.records = records;
        this.owners = owners;
        this.pools = pools;
        this.entries = entries;
        this.claimants = claimants;
        this.reclaimer = reclaimer;
        this.settings = settings;
        this.notices = notices;
    }

    /**
     * A page of the pool's records, newest in the pool first, with the fields the caller may read (field
     * security applies; the data scope does not — the pool grants the view). For those who may claim
     * from the pool and for administrators; 404 for anyone else.
     */
    public PoolPage records(TenantContext ctx, UUID poolId, String cursor, int limit) {
        PoolSummary summary = settings.get(ctx, poolId);
        Pool pool = summary.pool();
        ObjectDef object = metadata.object(ctx, pool.object());
        Key after = Key.decode(cursor);
        List<PoolEntryRepository.Entry> rows = tx.call(
                ctx,
                dsl -> entries.page(
                        dsl, ctx.tenant(), pool.id(), table(ctx, object), after.at(), after.id(), limit + 1));
        boolean more = rows.size() > limit;
        List<PoolEntryRepository.Entry> page = more ? rows.subList(0, limit) : rows;
        Map<UUID, Map<String, Object>> found = records.readGranted(
                ctx,
                object.apiName(),
                page.stream().map(PoolEntryRepository.Entry::recordId).toList());
        List<PooledRecord> data = page.stream()
                .filter(e -> found.containsKey(e.recordId()))
                .map(e -> new PooledRecord(
                        found.get(e.recordId()), e.enteredAt(), e.reason(), e.previousOwnerId(), e.returnedBy()))
                .toList();
        PoolEntryRepository.Entry last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new PoolPage(summary, data, more ? new Key(last.enteredAt(), last.recordId()).encode() : null);
    }

    /**
     * The caller claims the record and becomes its owner; the record as they now read it. 404 when the
     * pool or the record is not there for them, 403 for an administrator who may not claim, 409 when
     * someone claimed it first, 422 over the daily limit or while the previous owner must still wait.
     */
    public Map<String, Object> claim(TenantContext ctx, UUID poolId, UUID recordId) {
        PoolSummary summary = settings.get(ctx, poolId);
        if (!summary.canClaim()) {
            throw ApiException.forbidden();
        }
        Pool pool = summary.pool();
        ObjectDef object = metadata.object(ctx, pool.object());
        OffsetDateTime dayStart = claimants.startOfDay(ctx);
        tx.run(ctx, dsl -> {
            OffsetDateTime now = claimants.now();
            entries.lockClaimant(dsl, ctx.tenant(), ctx.userId());
            PoolEntryRepository.Entry entry = entries.lock(dsl, ctx.tenant(), pool.id(), pool.object(), recordId)
                    .orElseThrow(() -> entries.claimedBefore(dsl, ctx.tenant(), pool.id(), recordId)
                            ? claimedFirst()
                            : ApiException.notFound());
            if (pool.previousOwnerWaitDays() > 0 && ctx.userId().equals(entry.previousOwnerId())) {
                OffsetDateTime until = entry.enteredAt().plusDays(pool.previousOwnerWaitDays());
                if (now.isBefore(until)) {
                    throw ApiException.unprocessable(
                            "problem.pool_previous_owner",
                            List.of(FieldError.of(
                                    "recordId", "previous_owner_wait", pool.previousOwnerWaitDays(), until)));
                }
            }
            int used = entries.claimsSince(dsl, ctx.tenant(), pool.id(), ctx.userId(), dayStart);
            if (used >= pool.dailyClaimLimit()) {
                throw ApiException.unprocessable(
                        "problem.pool_daily_limit",
                        List.of(FieldError.of("dailyClaimLimit", "limit_reached", pool.dailyClaimLimit())));
            }
            List<RecordOwners.OwnerChange> moved = owners.move(
                    dsl,
                    ctx,
                    object,
                    new RecordOwners.Move(
                            PoolEntryRepository.ownerless(recordId),
                            ctx.userId(),
                            now,
                            1,
                            false,
                            AuditAction.POOL_CLAIM,
                            PoolDetails.of(pool, null)));
            if (moved.isEmpty()) {
                throw claimedFirst();
            }
            entries.leave(dsl, ctx.tenant(), pool.object(), recordId);
            entries.claim(dsl, ctx.tenant(), pool.id(), pool.object(), recordId, ctx.userId(), now);
        });
        return records.get(ctx, pool.object(), recordId);
    }

    /** {@link #returnRecords(TenantContext, UUID, String, List, String)} from {@code {object, recordIds, reason}}. */
    public List<UUID> returnRecords(TenantContext ctx, UUID poolId, tools.jackson.databind.JsonNode body) {
        com.weavecrm.platform.web.JsonInput in =
                com.weavecrm.platform.web.JsonInput.of(body, Set.of("object", "recordIds", "reason"));
        String object = in.requiredText("object", 41);
        List<UUID> ids = new ArrayList<>();
        for (String text : in.stringList("recordIds", MAX_RETURNED, 36)) {
            try {
                ids.add(UUID.fromString(text));
            } catch (IllegalArgumentException e) {
                in.error("recordIds", "invalid_item");
            }
        }
        if (ids.isEmpty() && !in.hasErrors()) {
            in.error("recordIds", "required");
        }
        String reason = in.optionalText("reason", 500).orElse(null);
        in.finish();
        return returnRecords(ctx, poolId, object, ids, reason);
    }

    /**
     * Returns records to the pool by hand: the caller needs the update right on the object and every
     * record within their scope for it (an owner returns their own, a manager their team's). All or
     * nothing: a record absent, outside the scope or already in a pool is a 400 naming it.
     */
    public List<UUID> returnRecords(TenantContext ctx, UUID poolId, String object, List<UUID> ids, String reason) {
        ObjectDef def = metadata.object(ctx, object);
        permissions.require(ctx, def.apiName(), Action.UPDATE);
        Pool pool = tx.call(ctx, dsl -> pools.find(dsl, ctx.tenant(), poolId)).orElseThrow(ApiException::notFound);
        if (!pool.object().equals(def.apiName())) {
            throw ApiException.badRequest("object", "invalid_value");
        }
        return tx.call(ctx, dsl -> {
            OffsetDateTime now = claimants.now();
            Set<UUID> pooled = entries.pooled(dsl, ctx.tenant(), object, table(ctx, def), ids);
            Condition scope = permissions.scope(ctx, object, Action.UPDATE, PoolEntryRepository.R_OWNER);
            List<RecordOwners.OwnerChange> moved = owners.move(
                    dsl,
                    ctx,
                    def,
                    new RecordOwners.Move(
                            PoolEntryRepository.owned(ids, scope),
                            null,
                            now,
                            0,
                            false,
                            AuditAction.POOL_RETURN,
                            PoolDetails.of(pool, reason)));
            Set<UUID> done = new java.util.HashSet<>();
            moved.forEach(m -> done.add(m.recordId()));
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!done.contains(ids.get(i))) {
                    errors.add(FieldError.of(
                            "recordIds[" + i + "]", pooled.contains(ids.get(i)) ? "already_in_pool" : "not_found"));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.badRequest(errors);
            }
            entries.enter(dsl, ctx.tenant(), pool.id(), object, moved, now, reason, ctx.userId());
            notices.pooled(dsl, ctx, pool, def, moved, reason);
            return ids;
        });
    }

    /**
     * Returns one record to a pool from inside another capability's running transaction — for example
     * when a lead's follow-up deadline is missed. The record goes to the first pool of its object
     * (oldest first) whose condition it meets, loses its owner and is audited as {@code pool_return}
     * with {@code reason}; no right is checked (the caller decided, {@code ctx} may be the system's).
     *
     * @return the pool that took the record; empty when no pool of the object takes it, or the record
     *     is deleted, absent or already in a pool
     */
    public Optional<UUID> returnToPool(DSLContext dsl, TenantContext ctx, String object, UUID recordId, String reason) {
        Optional<ObjectDef> def = metadata.catalog(ctx).find(object);
        if (def.isEmpty()) {
            return Optional.empty();
        }
        for (Pool pool : pools.all(dsl, ctx.tenant())) {
            if (!pool.object().equals(object)) {
                continue;
            }
            Condition condition;
            try {
                condition = records.productFilter(ctx, def.get(), pool.condition());
            } catch (ApiException e) {
                continue;
            }
            if (!entries.matches(dsl, table(ctx, def.get()), recordId, condition)) {
                continue;
            }
            OffsetDateTime now = claimants.now();
            List<RecordOwners.OwnerChange> moved = owners.move(
                    dsl,
                    ctx,
                    def.get(),
                    new RecordOwners.Move(
                            PoolEntryRepository.owned(List.of(recordId), org.jooq.impl.DSL.trueCondition()),
                            null,
                            now,
                            1,
                            false,
                            AuditAction.POOL_RETURN,
                            PoolDetails.of(pool, reason)));
            if (moved.isEmpty()) {
                return Optional.empty();
            }
            entries.enter(dsl, ctx.tenant(), pool.id(), object, moved, now, reason, ctx.userId());
            notices.pooled(dsl, ctx, pool, def.get(), moved, reason);
            return Optional.of(pool.id());
        }
        return Optional.empty();
    }

    /** The pools the caller may return records of {@code object} to (they need the update right). */
    public List<Pool> returnTargets(TenantContext ctx, String object) {
        if (!Pool.OBJECTS.contains(object) || !permissions.can(ctx, object, Action.UPDATE)) {
            return List.of();
        }
        return tx.call(
                ctx,
                dsl -> pools.all(dsl, ctx.tenant()).stream()
                        .filter(p -> p.object().equals(object))
                        .toList());
    }

    /** Runs the pool's reclaim now (administrators; tests and impatient people); how many records it took. */
    public int reclaimNow(TenantContext ctx, UUID poolId) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        Pool pool = tx.call(ctx, dsl -> pools.find(dsl, ctx.tenant(), poolId)).orElseThrow(ApiException::notFound);
        return reclaimer.reclaim(
                TenantContext.system(ctx.tenant(), ctx.requestId()),
                pool,
                System.nanoTime() + RECLAIM_BUDGET.toNanos());
    }

    /** The recurring reclaim of one tenant: its active pools in order, until the deadline. */
    int reclaimTenant(Tenant tenant, long deadlineNanos) {
        TenantContext ctx = TenantContext.system(tenant, "pool-reclaim");
        int total = 0;
        for (Pool pool : tx.call(ctx, dsl -> pools.all(dsl, tenant))) {
            if (System.nanoTime() > deadlineNanos) {
                break;
            }
            if (pool.active()) {
                total += reclaimer.reclaim(ctx, pool, deadlineNanos);
            }
        }
        return total;
    }

    private static ApiException claimedFirst() {
        return ApiException.conflict("problem.pool_claimed", List.of(FieldError.of("recordId", "already_claimed")));
    }

    private static Table<?> table(TenantContext ctx, ObjectDef object) {
        return ctx.tenant().table(object.table());
    }

    /** The keyset cursor of a pool page: the last entry's time in the pool and record id. */
    private record Key(OffsetDateTime at, UUID id) {

        static Key decode(String cursor) {
            String text = Cursors.decode(cursor);
            if (text == null) {
                return new Key(null, null);
            }
            int bar = text.indexOf('|');
            try {
                return new Key(OffsetDateTime.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
            } catch (DateTimeParseException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw ApiException.badRequest("cursor", "invalid_cursor");
            }
        }

        String encode() {
            return Cursors.encode(at + "|" + id);
        }
    }
}
