package com.weavecrm.platform.search.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.when;

import com.weavecrm.platform.records.Column;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** SQL of the global search over one record table. */
@Repository
public class SearchRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> TEXT = field(name("search_text"), String.class);
    private static final Field<String> INITIALS = field(name("search_initials"), String.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> DELETED_AT = field(name("deleted_at"), OffsetDateTime.class);
    /** Trigram indexes answer substring searches of three characters or more. */
    private static final int SUBSTRING_MIN = 3;

    /**
     * Rows of {@code table} matching {@code query} within {@code scope}: as a substring of the search
     * text (three characters or more) or as a prefix of the name's initials; exact initials first.
     * A query in Chinese also gives its pinyin, which the trigram index can narrow by.
     * When some searchable field is hidden from the caller, {@code readableOnly} lists the fields
     * they may search instead, so a search never matches on what they may not see.
     */
    public List<Map<String, Object>> find(
            DSLContext dsl,
            Tenant tenant,
            String table,
            List<Column> columns,
            String query,
            String pinyin,
            List<Column> readableOnly,
            Condition scope,
            int limit) {
        String escaped = escape(query);
        Condition match = INITIALS.like(escaped + "%", '\\');
        if (readableOnly != null) {
            for (Column column : readableOnly) {
                match = match.or(lower(column.sql().cast(String.class)).like("%" + escaped + "%", '\\'));
            }
        } else if (pinyin != null && pinyin.length() >= SUBSTRING_MIN) {
            // Chinese: the pinyin narrows through the trigram index, the characters keep it exact
            match = match.or(TEXT.like("%" + escape(pinyin) + "%", '\\').and(TEXT.like("%" + escaped + "%", '\\')));
        } else if (query.length() >= SUBSTRING_MIN) {
            match = match.or(TEXT.like("%" + escaped + "%", '\\'));
        }
        List<Field<?>> select = new ArrayList<>();
        select.add(ID);
        columns.forEach(c -> select.add(c.sql()));
        return dsl.select(select)
                .from(tenant.table(table))
                .where(match)
                .and(DELETED_AT.isNull())
                .and(scope)
                .orderBy(when(INITIALS.eq(query), inline(0)).otherwise(inline(1)), UPDATED_AT.desc())
                .limit(limit)
                .fetch(r -> row(r, columns));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Up to {@code limit} rows without a search document yet, with every column. */
    public List<Map<String, Object>> unsearchable(
            DSLContext dsl, Tenant tenant, String table, List<Column> columns, int limit) {
        List<Field<?>> select = new ArrayList<>();
        select.add(ID);
        columns.forEach(c -> select.add(c.sql()));
        return dsl.select(select)
                .from(tenant.table(table))
                .where(TEXT.isNull())
                .orderBy(ID)
                .limit(limit)
                .fetch(r -> row(r, columns));
    }

    /** Stores the documents of many rows in one batch. */
    public void store(DSLContext dsl, Tenant tenant, String table, Map<UUID, String[]> documents) {
        var batch = dsl.batch(dsl.update(tenant.table(table))
                .set(TEXT, (String) null)
                .set(INITIALS, (String) null)
                .where(ID.eq((UUID) null)));
        documents.forEach((id, document) -> batch.bind(document[0], document[1], id));
        batch.execute();
    }

    private static Map<String, Object> row(Record r, List<Column> columns) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", r.get(ID));
        columns.forEach(c -> row.put(c.apiName(), r.get(c.column())));
        return row;
    }
}
