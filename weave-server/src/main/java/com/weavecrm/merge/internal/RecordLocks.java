package com.weavecrm.merge.internal;

import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** SQL locking the records a merge takes part in and checking them against the caller's scope. */
@Repository
public class RecordLocks {

    public static final Field<UUID> OWNER_ID = field(name("owner_id"), UUID.class);
    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> DELETED_AT = field(name("deleted_at"), OffsetDateTime.class);

    /** A record taking part in a merge, as locked: its version and whether it is in the recycle bin. */
    public record LockedRecord(UUID id, long version, boolean deleted) {}

    /** Locks the records (in id order, so concurrent merges cannot deadlock), deleted or not. */
    public Map<UUID, LockedRecord> lock(DSLContext dsl, Table<?> table, Collection<UUID> ids) {
        return dsl.select(ID, VERSION, DELETED_AT)
                .from(table)
                .where(ID.eq(any(ids.toArray(UUID[]::new))))
                .orderBy(ID)
                .forUpdate()
                .fetchMap(ID, r -> new LockedRecord(r.get(ID), r.get(VERSION), r.get(DELETED_AT) != null));
    }

    /** Which of the records {@code scope} allows, deleted or not. */
    public Set<UUID> inScope(DSLContext dsl, Table<?> table, Collection<UUID> ids, Condition scope) {
        return dsl.select(ID)
                .from(table)
                .where(ID.eq(any(ids.toArray(UUID[]::new))))
                .and(scope)
                .fetchSet(ID);
    }
}
