package com.weavecrm.merge.internal;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * Locks the records of a merge for the rest of the transaction and checks that the caller may touch
 * each of them: the survivor within their scope for {@code update}, each merged record within their
 * scope for {@code delete}. A record that is absent, in another tenant or outside the scope is 404,
 * all alike.
 */
@Component
public class MergeParticipants {

    private final PermissionService permissions;
    private final RecordLocks repository;

    public MergeParticipants(PermissionService permissions, RecordLocks repository) {
        this.permissions = permissions;
        this.repository = repository;
    }

    /** The rights a merge or its undo needs on the object: 404 without read, 403 without update or delete. */
    public void requireRights(TenantContext ctx, ObjectDef object) {
        if (!permissions.can(ctx, object.apiName(), Action.READ)) {
            throw ApiException.notFound();
        }
        permissions.require(ctx, object.apiName(), Action.UPDATE);
        permissions.require(ctx, object.apiName(), Action.DELETE);
    }

    /** Every record locked, by id; 404 unless all are there and within the caller's scope. */
    public Map<UUID, RecordLocks.LockedRecord> lock(
            DSLContext dsl, TenantContext ctx, ObjectDef object, UUID survivorId, List<UUID> mergedIds) {
        Table<?> table = ctx.tenant().table(object.table());
        List<UUID> all = new ArrayList<>(mergedIds);
        all.add(survivorId);
        Map<UUID, RecordLocks.LockedRecord> rows = repository.lock(dsl, table, all);
        Set<UUID> updatable = repository.inScope(dsl, table, List.of(survivorId), scope(ctx, object, Action.UPDATE));
        Set<UUID> deletable = repository.inScope(dsl, table, mergedIds, scope(ctx, object, Action.DELETE));
        if (!rows.keySet().containsAll(all) || !updatable.contains(survivorId) || !deletable.containsAll(mergedIds)) {
            throw ApiException.notFound();
        }
        return rows;
    }

    /** Whether the caller may read the record (deleted or not): merges of records they cannot see are 404. */
    public boolean readable(DSLContext dsl, TenantContext ctx, ObjectDef object, UUID id) {
        if (!permissions.can(ctx, object.apiName(), Action.READ)) {
            return false;
        }
        Table<?> table = ctx.tenant().table(object.table());
        return repository
                .inScope(dsl, table, List.of(id), scope(ctx, object, Action.READ))
                .contains(id);
    }

    private org.jooq.Condition scope(TenantContext ctx, ObjectDef object, Action action) {
        return permissions.scope(ctx, object.apiName(), action, RecordLocks.OWNER_ID);
    }
}
