package com.weavecrm.platform.records;

import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Told, in the same transaction, when {@link RecordOwners} moves the owners of a set of records of
 * {@link #object()} (pool claims, returns and reclaims, leaver hand-overs) — moves that do not go
 * through {@link RecordWriter} and so run no {@link RecordHook}. Once per move, with every record.
 */
public interface OwnerHook {

    String object();

    /** {@code newOwner} is null when the records lost their owner (they went to a pool). */
    void ownersMoved(
            DSLContext dsl, TenantContext ctx, ObjectDef object, List<RecordOwners.OwnerChange> moved, UUID newOwner);
}
