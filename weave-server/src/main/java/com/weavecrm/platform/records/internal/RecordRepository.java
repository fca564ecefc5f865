package com.weavecrm.platform.records.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.selectOne;

import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.Column;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL of records: one table per object, columns from the metadata, every value bound. Rows come
 * back as maps of column name to value; deleted records (the recycle bin) are excluded unless asked.
 */
@Repository
public class RecordRepository {

    public static final Field<UUID> ID = field(name("id"), UUID.class);
    public static final Field<UUID> OWNER_ID = field(name("owner_id"), UUID.class);
    public static final Field<Long> VERSION = field(name("version"), Long.class);
    public static final Field<String> EXTERNAL_ID = field(name("external_id"), String.class);
    public static final Field<UUID> CREATED_BY = field(name("created_by"), UUID.class);
    public static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    public static final Field<OffsetDateTime> DELETED_AT = field(name("deleted_at"), OffsetDateTime.class);
    private static final int EXACT_COUNT_LIMIT = 10_000;

    private final JsonMapper json;

    public RecordRepository(JsonMapper json) {
        this.json = json;
    }

    public static Table<Record> table(Tenant tenant, ObjectDef object) {
        return tenant.table(object.table());
    }

    public List<Map<String, Object>> list(
            DSLContext dsl,
            Tenant tenant,
            ObjectDef object,
            List<Column> columns,
            Condition where,
            List<SortField<Object>> order,
            int limit) {
        return dsl.select(sql(columns))
                .from(table(tenant, object))
                .where(where)
                .and(DELETED_AT.isNull())
                .orderBy(order)
                .limit(limit)
                .fetch(r -> row(r, columns));
    }

    public Optional<Map<String, Object>> find(
            DSLContext dsl, Tenant tenant, ObjectDef object, List<Column> columns, Condition where, boolean deleted) {
        return dsl.select(sql(columns))
                .from(table(tenant, object))
                .where(where)
                .and(deleted ? DELETED_AT.isNotNull() : DELETED_AT.isNull())
                .fetchOptional(r -> row(r, columns));
    }

    /** The row, locked for the rest of the transaction, whether deleted or not. */
    public Optional<Map<String, Object>> lock(
            DSLContext dsl, Tenant tenant, ObjectDef object, List<Column> columns, Condition where) {
        List<Field<?>> fields = new ArrayList<>(sql(columns));
        fields.add(DELETED_AT);
        return dsl.select(fields)
                .from(table(tenant, object))
                .where(where)
                .forUpdate()
                .fetchOptional(r -> {
                    Map<String, Object> row = row(r, columns);
                    row.put("deleted_at", r.get(DELETED_AT));
                    return row;
                });
    }

    /** Inserts the row and returns {@code columns} of it as stored (defaults included), in one round trip. */
    public Map<String, Object> insert(
            DSLContext dsl, Tenant tenant, ObjectDef object, Map<Column, Object> values, List<Column> columns) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        values.forEach((column, value) -> row.put(column.sql(), value));
        Record stored = dsl.insertInto(table(tenant, object))
                .set(row)
                .returningResult(sql(columns))
                .fetchOne();
        return row(stored, columns);
    }

    /** Writes the changed columns and moves the version on; false when the version no longer matches. */
    public boolean update(
            DSLContext dsl,
            Tenant tenant,
            ObjectDef object,
            UUID id,
            long expectedVersion,
            Map<Column, Object> values) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        values.forEach((column, value) -> row.put(column.sql(), value));
        row.put(VERSION, VERSION.plus(1));
        row.put(UPDATED_AT, currentOffsetDateTime());
        return dsl.update(table(tenant, object))
                        .set(row)
                        .where(ID.eq(id))
                        .and(VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    public void setDeleted(DSLContext dsl, Tenant tenant, ObjectDef object, UUID id, boolean deleted) {
        dsl.update(table(tenant, object))
                .set(DELETED_AT, deleted ? currentOffsetDateTime() : null)
                .set(VERSION, VERSION.plus(1))
                .set(UPDATED_AT, currentOffsetDateTime())
                .where(ID.eq(id))
                .execute();
    }

    /** The exact number of matching rows up to 10,000; beyond that the planner's estimate. */
    public Count count(DSLContext dsl, Tenant tenant, ObjectDef object, Condition where) {
        var query = dsl.selectOne().from(table(tenant, object)).where(where).and(DELETED_AT.isNull());
        int exact = dsl.fetchCount(query.limit(EXACT_COUNT_LIMIT + 1));
        if (exact <= EXACT_COUNT_LIMIT) {
            return new Count(exact, false);
        }
        JsonNode plan =
                json.readTree(dsl.fetchValue("explain (format json) {0}", query).toString());
        long estimate = plan.path(0).path("Plan").path("Plan Rows").asLong(exact);
        return new Count(Math.max(estimate, exact), true);
    }

    /** Whether a live record with this id exists among the rows {@code scope} allows. */
    public boolean exists(DSLContext dsl, Table<?> table, UUID id, Condition scope) {
        return dsl.fetchExists(selectOne()
                .from(table)
                .where(ID.eq(id))
                .and(DELETED_AT.isNull())
                .and(scope));
    }

    /** The next number of a sequence of the tenant's schema. */
    public long nextNumber(DSLContext dsl, Tenant tenant, String sequence) {
        return dsl.nextval(org.jooq.impl.DSL.sequence(name(tenant.schema(), sequence), Long.class));
    }

    /** Whether an active user with this id exists in the tenant. */
    public boolean userExists(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.fetchExists(selectOne()
                .from(tenant.table("app_user"))
                .where(ID.eq(id))
                .and(field(name("status"), String.class).eq("active")));
    }

    /**
     * Sets a rollup column of the parents {@code parentIds} to {@code function} of {@code valueColumn}
     * (or the number of rows when it is null) over their live children linked by {@code viaColumn}.
     */
    public void recomputeRollup(
            DSLContext dsl,
            Table<?> parents,
            String rollupColumn,
            Table<?> children,
            String viaColumn,
            String function,
            String valueColumn,
            java.util.Collection<UUID> parentIds) {
        Field<UUID> via = field(name("c", viaColumn), UUID.class);
        Field<java.math.BigDecimal> value =
                field(name("c", valueColumn == null ? "id" : valueColumn), java.math.BigDecimal.class);
        Field<?> aggregate = switch (function) {
            case "sum" -> org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.sum(value), java.math.BigDecimal.ZERO);
            case "min" -> org.jooq.impl.DSL.min(value);
            case "max" -> org.jooq.impl.DSL.max(value);
            default -> org.jooq.impl.DSL.count();
        };
        Table<?> p = parents.as("p");
        Table<?> c = children.as("c");
        dsl.update(p)
                .set(
                        field(name(rollupColumn)),
                        org.jooq.impl.DSL.field(dsl.select(aggregate)
                                .from(c)
                                .where(via.eq(field(name("p", "id"), UUID.class)))
                                .and(field(name("c", "deleted_at")).isNull())))
                .where(field(name("p", "id"), UUID.class).in(parentIds))
                .execute();
    }

    /** A count and whether it is the planner's estimate. */
    public record Count(long value, boolean estimate) {}

    private static List<Field<?>> sql(List<Column> columns) {
        return columns.stream().<Field<?>>map(Column::sql).toList();
    }

    private static Map<String, Object> row(Record r, List<Column> columns) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i).column(), r.get(i));
        }
        return row;
    }
}
