package com.weavecrm.pool.internal;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.nullif;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** How records are named in a notice: the first of some text columns that has a value. */
@Repository
public class RecordLabelRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);

    /** @param columns text columns of the table, tried in order (written by the product, never input) */
    public Map<UUID, String> labels(DSLContext dsl, Table<?> table, List<String> columns, Collection<UUID> ids) {
        if (ids.isEmpty() || columns.isEmpty()) {
            return Map.of();
        }
        List<Field<String>> values = columns.stream()
                .map(c -> nullif(field(name(c), String.class), inline("")))
                .toList();
        Field<String> label = values.size() == 1
                ? values.getFirst()
                : coalesce(values.getFirst(), values.subList(1, values.size()).toArray(Field[]::new));
        return dsl.select(ID, label).from(table).where(ID.in(ids)).fetchMap(ID, label);
    }
}
