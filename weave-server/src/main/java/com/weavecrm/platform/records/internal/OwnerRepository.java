package com.weavecrm.platform.records.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;

import com.weavecrm.platform.records.RecordOwners;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** SQL moving the owner of a set of records: one {@code UPDATE ... FROM (SELECT ... FOR UPDATE) RETURNING}. */
@Repository
public class OwnerRepository {

    /** The alias of the record's table in the conditions callers give. */
    public static final String ALIAS = "r";

    private static final Field<UUID> R_ID = field(name(ALIAS, "id"), UUID.class);
    private static final Field<UUID> R_OWNER = field(name(ALIAS, "owner_id"), UUID.class);
    private static final Field<OffsetDateTime> R_DELETED_AT = field(name(ALIAS, "deleted_at"), OffsetDateTime.class);
    private static final Field<UUID> C_ID = field(name("c", "id"), UUID.class);
    private static final Field<UUID> C_PREVIOUS = field(name("c", "previous_owner"), UUID.class);
    private static final Field<UUID> T_ID = field(name("t", "id"), UUID.class);
    private static final Field<UUID> OWNER = field(name("owner_id"), UUID.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<Long> T_VERSION = field(name("t", "version"), Long.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);

    public List<RecordOwners.OwnerChange> reassign(
            DSLContext dsl,
            Table<?> table,
            Condition where,
            UUID to,
            OffsetDateTime at,
            int limit,
            boolean skipLocked) {
        Table<?> r = table.as(ALIAS);
        var picked = select(R_ID, R_OWNER.as("previous_owner"))
                .from(r)
                .where(where)
                .and(R_DELETED_AT.isNull())
                .orderBy(R_ID)
                .limit(limit > 0 ? limit : Integer.MAX_VALUE)
                .forUpdate()
                .of(r);
        Table<?> c = (skipLocked ? picked.skipLocked() : picked).asTable("c");
        return dsl.update(table.as("t"))
                .set(OWNER, to)
                .set(VERSION, T_VERSION.plus(1))
                .set(UPDATED_AT, at)
                .from(c)
                .where(T_ID.eq(C_ID))
                .returningResult(T_ID, C_PREVIOUS)
                .fetch(row -> new RecordOwners.OwnerChange(row.get(T_ID), row.get(C_PREVIOUS)));
    }
}
