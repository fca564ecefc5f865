package com.weavecrm.platform.records;

import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.SystemFields;
import com.weavecrm.platform.records.internal.OwnerRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Changes the owner of a set of records in one statement and writes each record's history entry in
 * a batch: the public pool (claim, return, reclaim) and the leaver hand-over move owners this way.
 * No right or scope is checked here — the caller decided who may move what — and no record hook
 * runs (an owner is not a field that validations, formulas or rollups read); capabilities that follow
 * owners (deadlines) are told through {@link OwnerHook}.
 */
@Service
public class RecordOwners {

    /** A record whose owner changed and the owner it had before (null: none). */
    public record OwnerChange(UUID recordId, UUID previousOwner) {}

    /**
     * What to move: the live records matching {@code where} — a condition from the caller's repository
     * over the record's table, aliased {@code r} — at most {@code limit} of them (0: all), locked in id
     * order; with {@code skipLocked} rows another transaction holds are left for a later run.
     * Each moved record's version goes up and its {@code updatedAt} becomes {@code at}.
     *
     * @param auditAction the history entry written for each record ({@code update}, {@code pool_claim}, ...)
     * @param detail the entries' detail (which pool, which hand-over)
     */
    public record Move(
            Condition where,
            UUID to,
            OffsetDateTime at,
            int limit,
            boolean skipLocked,
            String auditAction,
            String detail) {}

    private final OwnerRepository repository;
    private final AuditLog audit;
    private final ObjectProvider<OwnerHook> hooks;

    public RecordOwners(OwnerRepository repository, AuditLog audit, ObjectProvider<OwnerHook> hooks) {
        this.repository = repository;
        this.audit = audit;
        this.hooks = hooks;
    }

    /** Moves the records inside the caller's running tenant transaction; the records moved. */
    public List<OwnerChange> move(DSLContext dsl, TenantContext ctx, ObjectDef object, Move move) {
        List<OwnerChange> moved = repository.reassign(
                dsl,
                ctx.tenant().table(object.table()),
                move.where(),
                move.to(),
                move.at(),
                move.limit(),
                move.skipLocked());
        audit.recordAll(
                dsl,
                ctx,
                move.auditAction(),
                object.apiName(),
                moved.stream()
                        .map(m -> new AuditLog.RecordChanges(
                                m.recordId(),
                                List.of(new FieldChange(
                                        SystemFields.OWNER_ID, text(m.previousOwner()), text(move.to())))))
                        .toList(),
                move.detail());
        if (!moved.isEmpty()) {
            hooks.orderedStream()
                    .filter(h -> h.object().equals(object.apiName()))
                    .forEach(h -> h.ownersMoved(dsl, ctx, object, moved, move.to()));
        }
        return moved;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
