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
 * delete, restore, merge, unmerge) also becomes a domain event in the outbox, in the same transaction.
 */
@Service
public class AuditLog {

    private static final Set<String> WRITES = Set.of(
            AuditAction.CREATE,
            AuditAction.UPDATE,
            AuditAction.DELETE,
            AuditAction.RESTORE,
            AuditAction.MERGE,
            AuditAction.UNMERGE);

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
}
