package com.weavecrm.platform.records.internal;

import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.trueCondition;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * SQL moving the children of a record to another record: one statement per reference, whatever the
 * number of children, recycle bin included. Each moved row's version moves on, so a client holding
 * the old version gets a conflict rather than overwriting the move.
 */
@Repository
public class ReferenceRepository {

    /** Points rows whose lookup {@code column} is {@code from} at {@code to}; the ids moved. */
    public List<UUID> moveLookup(
            DSLContext dsl, Table<?> table, String column, UUID from, UUID to, Collection<UUID> untouched) {
        Field<UUID> lookup = field(name(column), UUID.class);
        Condition skip = untouched.isEmpty()
                ? trueCondition()
                : RecordRepository.ID.eq(any(untouched.toArray(UUID[]::new))).not();
        return dsl.update(table)
                .set(lookup, to)
                .set(RecordRepository.VERSION, RecordRepository.VERSION.plus(1))
                .set(RecordRepository.UPDATED_AT, currentOffsetDateTime())
                .where(lookup.eq(from))
                .and(skip)
                .returningResult(RecordRepository.ID)
                .fetch(RecordRepository.ID);
    }

    /** Points rows naming {@code object} record {@code from} in a text pair at {@code to}; the ids moved. */
    public List<UUID> moveRelated(
            DSLContext dsl, Table<?> table, String objectColumn, String idColumn, String object, UUID from, UUID to) {
        Field<String> related = field(name(idColumn), String.class);
        return dsl.update(table)
                .set(related, to.toString())
                .set(RecordRepository.VERSION, RecordRepository.VERSION.plus(1))
                .set(RecordRepository.UPDATED_AT, currentOffsetDateTime())
                .where(field(name(objectColumn), String.class).eq(object))
                .and(related.eq(from.toString()))
                .returningResult(RecordRepository.ID)
                .fetch(RecordRepository.ID);
    }

    /** Points the rows {@code ids} whose lookup is still {@code from} at {@code to}; how many. */
    public int moveLookupBack(DSLContext dsl, Table<?> table, String column, Collection<UUID> ids, UUID from, UUID to) {
        Field<UUID> lookup = field(name(column), UUID.class);
        return dsl.update(table)
                .set(lookup, to)
                .set(RecordRepository.VERSION, RecordRepository.VERSION.plus(1))
                .set(RecordRepository.UPDATED_AT, currentOffsetDateTime())
                .where(RecordRepository.ID.eq(any(ids.toArray(UUID[]::new))))
                .and(lookup.eq(from))
                .execute();
    }

    /** Points the rows {@code ids} still naming {@code object} record {@code from} at {@code to}; how many. */
    public int moveRelatedBack(
            DSLContext dsl,
            Table<?> table,
            String objectColumn,
            String idColumn,
            String object,
            Collection<UUID> ids,
            UUID from,
            UUID to) {
        Field<String> related = field(name(idColumn), String.class);
        return dsl.update(table)
                .set(related, to.toString())
                .set(RecordRepository.VERSION, RecordRepository.VERSION.plus(1))
                .set(RecordRepository.UPDATED_AT, currentOffsetDateTime())
                .where(RecordRepository.ID.eq(any(ids.toArray(UUID[]::new))))
                .and(field(name(objectColumn), String.class).eq(object))
                .and(related.eq(from.toString()))
                .execute();
    }
}
