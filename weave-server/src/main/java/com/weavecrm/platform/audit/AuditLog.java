package com.weavecrm.platform.audit;

import com.weavecrm.platform.audit.internal.AuditRepository;
import com.weavecrm.platform.events.Outbox;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Appends to the audit trail inside the caller's tenant transaction. A write (create, update,
 * delete, restore, merge, unmerge, and the pool's claim, return and reclaim) also becomes a domain event
 * in the outbox, in the same transaction.
 */
@Service
public class AuditLog {

    private static final Set<String> WRITES = Set.of(
            AuditAction.CREATE,
            AuditAction.UPDATE,
            AuditAction.DELETE,
            AuditAction.RESTORE,
            AuditAction.MERGE,
            AuditAction.UNMERGE,
            AuditAction.POOL_CLAIM,
            AuditAction.POOL_RETURN,
            AuditAction.POOL_RECLAIM);

    /** The changes of one record, for {@link #recordAll}. */
    public record RecordChanges(Object recordId, List<FieldChange> changes) {}

    private final AuditRepository repository;
    private final Outbox outbox;

    public AuditLog(AuditRepository repository, Outbox outbox) {
        this.repository = repository;
        this.outbox = outbox;
    }

    public void record(
            DSLContext dsl,
            TenantContext ctx,
            String action,
            String object,
            Object recordId,
            List<FieldChange> changes) {
        record(dsl, ctx, action, object, recordId, changes, null);
    }

    public void record(
            DSLContext dsl,
            TenantContext ctx,
            String action,
            String object,
            Object recordId,
            List<FieldChange> changes,
            String detail) {
        String id = recordId == null ? null : recordId.toString();
        repository.insert(dsl, ctx, action, object, id, changes, detail);
        if (WRITES.contains(action)) {
            List<String> fields = changes.stream().map(FieldChange::field).toList();
            outbox.emit(dsl, ctx, object, action, id, Map.of("fields", fields));
        }
    }

    /**
     * One entry per record for a change made to many records at once (an owner change of a set),
     * written with a few multi-row statements rather than one per record.
     */
    public void recordAll(
            DSLContext dsl,
            TenantContext ctx,
            String action,
            String object,
            List<RecordChanges> entries,
            String detail) {
        if (entries.isEmpty()) {
            return;
        }
        repository.insertAll(dsl, ctx, action, object, entries, detail);
        if (WRITES.contains(action)) {
            outbox.emitAll(
                    dsl,
                    ctx,
                    object,
                    action,
                    entries.stream()
                            .map(e -> new Outbox.Event(
                                    e.recordId(),
                                    Map.of(
                                            "fields",
                                            e.changes().stream()
                                                    .map(FieldChange::field)
                                                    .toList())))
                            .toList());
        }
    }
}
