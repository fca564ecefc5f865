package com.weavecrm.platform.audit;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.internal.AuditRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.Cursors;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reads the audit trail, newest first, with keyset pagination. Needs the {@code read} right on
 * {@value #OBJECT}; its scope applies to the entry's actor (own: what I did; team: what my reports
 * did; unit: what people of my unit did; all: everything).
 */
@Service
public class AuditQuery {

    public static final String OBJECT = "audit";

    private final TenantTx tx;
    private final PermissionService permissions;
    private final AuditRepository repository;

    public AuditQuery(TenantTx tx, PermissionService permissions, AuditRepository repository) {
        this.tx = tx;
        this.permissions = permissions;
        this.repository = repository;
    }

    /**
     * The entries of one record, showing only changes of {@code visibleFields}. The caller must have
     * checked that the user may read the record: this does not check the audit right.
     */
    public AuditPage recordHistory(
            TenantContext ctx,
            String object,
            String recordId,
            java.util.Set<String> visibleFields,
            String cursor,
            int limit) {
        Long after = Cursors.decodeLong(cursor);
        AuditFilter filter = new AuditFilter(object, recordId, null, null, null, null);
        return tx.call(ctx, dsl -> {
            List<AuditEntry> rows =
                    repository.find(dsl, ctx.tenant(), filter, org.jooq.impl.DSL.trueCondition(), after, limit + 1);
            String next = rows.size() > limit
                    ? Cursors.encode(Long.toString(rows.get(limit - 1).id()))
                    : null;
            List<AuditEntry> page = (rows.size() > limit ? rows.subList(0, limit) : rows)
                    .stream().map(e -> e.onlyFields(visibleFields)).toList();
            return new AuditPage(page, next);
        });
    }

    public AuditPage list(TenantContext ctx, AuditFilter filter, String cursor, int limit) {
        permissions.require(ctx, OBJECT, Action.READ);
        Long after = Cursors.decodeLong(cursor);
        return tx.call(ctx, dsl -> {
            var scope = permissions.scope(ctx, OBJECT, Action.READ, AuditRepository.ACTOR_ID);
            List<AuditEntry> rows = repository.find(dsl, ctx.tenant(), filter, scope, after, limit + 1);
            String next = rows.size() > limit
                    ? Cursors.encode(Long.toString(rows.get(limit - 1).id()))
                    : null;
            return new AuditPage(rows.size() > limit ? rows.subList(0, limit) : rows, next);
        });
    }
}
