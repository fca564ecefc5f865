package com.weavecrm.pool;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.JsonInput;
import com.weavecrm.pool.internal.Claimants;
import com.weavecrm.pool.internal.EligibilityRepository;
import com.weavecrm.pool.internal.PoolEntryRepository;
import com.weavecrm.pool.internal.PoolInput;
import com.weavecrm.pool.internal.PoolRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The pools and their settings. Creating, changing and deleting a pool needs the {@code settings}
 * update right (administrators); everyone else sees the pools they may claim from. A condition must
 * be a valid filter of the pool's object, checked when saved (400 naming {@code condition}). A pool
 * is deleted only once empty (409 otherwise): switch it off ({@code active: false}) to stop reclaiming.
 */
@Service
public class Pools {

    /** The name of pools in the audit trail. */
    public static final String AUDIT_OBJECT = "pool";

    private final TenantTx tx;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final RecordService records;
    private final PoolRepository pools;
    private final PoolEntryRepository entries;
    private final EligibilityRepository eligibility;
    private final Claimants claimants;
    private final AuditLog audit;

    public Pools(
            TenantTx tx,
            PermissionService permissions,
            MetadataService metadata,
            RecordService records,
            PoolRepository pools,
            PoolEntryRepository entries,
            EligibilityRepository eligibility,
            Claimants claimants,
            AuditLog audit) {
        this.tx = tx;
        this.permissions = permissions;
        this.metadata = metadata;
        this.records = records;
        this.pools = pools;
        this.entries = entries;
        this.eligibility = eligibility;
        this.claimants = claimants;
        this.audit = audit;
    }

    /** Every pool for administrators; for anyone else the pools they may claim from. */
    public List<PoolSummary> list(TenantContext ctx) {
        boolean manage = canManage(ctx);
        return tx.call(
                ctx,
                dsl -> pools.all(dsl, ctx.tenant()).stream()
                        .map(pool -> summary(dsl, ctx, pool, manage))
                        .filter(s -> s.canManage() || s.canClaim())
                        .toList());
    }

    /** A pool the caller manages or may claim from; 404 otherwise. */
    public PoolSummary get(TenantContext ctx, UUID id) {
        boolean manage = canManage(ctx);
        return tx.call(
                ctx,
                dsl -> pools.find(dsl, ctx.tenant(), id)
                        .map(pool -> summary(dsl, ctx, pool, manage))
                        .filter(s -> s.canManage() || s.canClaim())
                        .orElseThrow(ApiException::notFound));
    }

    public PoolSummary create(TenantContext ctx, JsonNode body) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = PoolInput.of(body);
        Pool pool = PoolInput.read(in, null, UUID.randomUUID());
        return tx.call(ctx, dsl -> {
            check(dsl, ctx, in, pool, null);
            pools.insert(dsl, ctx.tenant(), pool, ctx.userId());
            audit.record(dsl, ctx, AuditAction.CREATE, AUDIT_OBJECT, pool.id(), FieldChange.created(values(pool)));
            return summary(dsl, ctx, pools.find(dsl, ctx.tenant(), pool.id()).orElseThrow(), true);
        });
    }

    public PoolSummary update(TenantContext ctx, UUID id, JsonNode body, String ifMatch) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        JsonInput in = PoolInput.of(body);
        return tx.call(ctx, dsl -> {
            Pool current = pools.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            long expected = expectedVersion(ifMatch, current.version());
            Pool changed = PoolInput.read(in, current, id);
            check(dsl, ctx, in, changed, id);
            if (!pools.update(dsl, ctx.tenant(), changed, expected)) {
                throw ApiException.staleVersion();
            }
            List<FieldChange> changes = FieldChange.diff(values(current), values(changed));
            if (!changes.isEmpty()) {
                audit.record(dsl, ctx, AuditAction.UPDATE, AUDIT_OBJECT, id, changes);
            }
            return summary(dsl, ctx, pools.find(dsl, ctx.tenant(), id).orElseThrow(), true);
        });
    }

    /** Deletes an empty pool; 409 while it holds records. */
    public void delete(TenantContext ctx, UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        tx.run(ctx, dsl -> {
            Pool pool = pools.find(dsl, ctx.tenant(), id).orElseThrow(ApiException::notFound);
            long held = entries.count(dsl, ctx.tenant(), id, table(ctx, pool));
            if (held > 0) {
                throw ApiException.conflict("problem.pool_not_empty", List.of(FieldError.of("id", "not_empty", held)));
            }
            pools.delete(dsl, ctx.tenant(), id);
            audit.record(dsl, ctx, AuditAction.DELETE, AUDIT_OBJECT, id, FieldChange.diff(values(pool), Map.of()));
        });
    }

    /** Whether the caller may create, change and delete pools. */
    public boolean canManage(TenantContext ctx) {
        return permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE);
    }

    PoolSummary summary(DSLContext dsl, TenantContext ctx, Pool pool, boolean manage) {
        Integer left = claimants.claimsLeft(dsl, ctx, pool);
        return new PoolSummary(
                pool, entries.count(dsl, ctx.tenant(), pool.id(), table(ctx, pool)), left != null, left, manage);
    }

    /** The database checks: the condition compiles, roles and units exist, the name is free. */
    private void check(DSLContext dsl, TenantContext ctx, JsonInput in, Pool pool, UUID self) {
        if (pool.object() != null && Pool.OBJECTS.contains(pool.object()) && pool.condition() != null) {
            try {
                records.productFilter(ctx, metadata.object(ctx, pool.object()), pool.condition());
            } catch (ApiException e) {
                e.errors()
                        .forEach(error ->
                                in.error("condition", error.code(), error.args().toArray()));
            }
        }
        eligibility
                .unknownRoles(dsl, ctx.tenant(), pool.claimRoles())
                .forEach(role -> in.error("claimRoles", "unknown_role", role));
        if (!eligibility.unknownUnits(dsl, ctx.tenant(), pool.claimUnits()).isEmpty()) {
            in.error("claimUnits", "not_found");
        }
        in.finish();
        if (pools.nameTaken(dsl, ctx.tenant(), pool.name(), self)) {
            throw ApiException.duplicate("name");
        }
    }

    private org.jooq.Table<?> table(TenantContext ctx, Pool pool) {
        return ctx.tenant().table(metadata.object(ctx, pool.object()).table());
    }

    private static long expectedVersion(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return current;
        }
        try {
            long expected = Long.parseLong(ifMatch.strip().replace("W/", "").replace("\"", ""));
            if (expected != current) {
                throw ApiException.staleVersion();
            }
            return expected;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "invalid_version");
        }
    }

    static Map<String, Object> values(Pool pool) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", pool.name());
        values.put("object", pool.object());
        values.put("condition", pool.condition());
        values.put("inactiveDays", pool.inactiveDays());
        values.put("claimRoles", pool.claimRoles());
        values.put(
                "claimUnits",
                new ArrayList<>(pool.claimUnits().stream().map(UUID::toString).toList()));
        values.put("dailyClaimLimit", pool.dailyClaimLimit());
        values.put("previousOwnerWaitDays", pool.previousOwnerWaitDays());
        values.put("active", pool.active());
        return values;
    }
}
