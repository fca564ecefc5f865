package com.weavecrm.dedupe.internal;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.Column;
import com.weavecrm.platform.tenancy.Tenant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** The keys records are filed under, and the records' identifying fields as profiles are built from. */
@Repository
public class DedupeRepository {

    /**
     * Filed under by every record that has the current version of its keys: records without it (never
     * filed, or filed by an older version of {@link BlockingKeys}) still need them.
     */
    public static final String EVERY = "*2";

    /** The fields a profile is built from, where the object has them. */
    public static final List<String> FIELDS =
            List.of("name", "company", "phone", "email", "wechatId", "idNumber", "birthday", "address");

    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<String> KEY = field(name("key"), String.class);
    private static final Field<UUID> RECORD_ID = field(name("record_id"), UUID.class);
    private static final Field<UUID> ID = field(name("id"), UUID.class);

    private static Table<Record> keys(Tenant tenant) {
        return tenant.table("dedupe_key");
    }

    public void replaceKeys(DSLContext dsl, Tenant tenant, String object, UUID id, Collection<String> keys) {
        dsl.deleteFrom(keys(tenant)).where(OBJECT.eq(object), RECORD_ID.eq(id)).execute();
        if (keys == null) {
            return;
        }
        var insert = dsl.insertInto(keys(tenant), OBJECT, KEY, RECORD_ID).values(object, EVERY, id);
        for (String key : keys) {
            insert = insert.values(object, key, id);
        }
        insert.onConflictDoNothing().execute();
    }

    /** Files records that have no keys of the current version yet under theirs, replacing older ones. */
    public void addKeys(
            DSLContext dsl, Tenant tenant, String object, Map<UUID, ? extends Collection<String>> keysById) {
        if (keysById.isEmpty()) {
            return;
        }
        dsl.deleteFrom(keys(tenant))
                .where(OBJECT.eq(object), RECORD_ID.in(keysById.keySet()))
                .execute();
        var insert = dsl.insertInto(keys(tenant), OBJECT, KEY, RECORD_ID);
        for (Map.Entry<UUID, ? extends Collection<String>> entry : keysById.entrySet()) {
            insert = insert.values(object, EVERY, entry.getKey());
            for (String key : entry.getValue()) {
                insert = insert.values(object, key, entry.getKey());
            }
        }
        insert.onConflictDoNothing().execute();
    }

    /** Records filed under any of the keys, those sharing the most keys first. */
    public List<UUID> sharingKeys(DSLContext dsl, Tenant tenant, String object, Collection<String> keys, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return dsl.select(RECORD_ID)
                .from(keys(tenant))
                .where(OBJECT.eq(object), KEY.in(keys))
                .groupBy(RECORD_ID)
                .orderBy(count().desc())
                .limit(limit)
                .fetch(RECORD_ID);
    }

    /** Identifying fields of the records with these ids that match {@code scope}, not deleted. */
    public List<Map<String, Object>> identities(
            DSLContext dsl, Tenant tenant, ObjectDef object, Collection<UUID> ids, Condition scope) {
        return read(dsl, tenant, object, ID.in(ids).and(scope), ids.size());
    }

    /**
     * Records (not deleted) after {@code afterId} (null: from the start) that have no keys yet, in id
     * order, at most {@code limit}: walking the table by id keeps each batch a short range scan.
     */
    public List<Map<String, Object>> unkeyed(DSLContext dsl, Tenant tenant, ObjectDef object, UUID afterId, int limit) {
        Table<Record> k = keys(tenant).as("k");
        Condition noKeys = notExists(selectOne()
                .from(k)
                .where(
                        field(name("k", "object"), String.class).eq(object.apiName()),
                        field(name("k", "key"), String.class).eq(EVERY),
                        field(name("k", "record_id"), UUID.class).eq(field(name("r", "id"), UUID.class))));
        Field<UUID> id = field(name("r", "id"), UUID.class);
        return read(dsl, tenant, object, afterId == null ? noKeys : noKeys.and(id.gt(afterId)), limit);
    }

    private List<Map<String, Object>> read(
            DSLContext dsl, Tenant tenant, ObjectDef object, Condition where, int limit) {
        List<FieldDef> fields = identifying(object);
        List<Field<?>> select = new ArrayList<>();
        select.add(field(name("r", "id"), UUID.class));
        fields.forEach(f -> select.add(Column.of(f).sql("r")));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Record r : dsl.select(select)
                .from(tenant.table(object.table()).as("r"))
                .where(where, field(name("r", "deleted_at")).isNull())
                .orderBy(field(name("r", "id")))
                .limit(limit)
                .fetch()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.get(0));
            for (int i = 0; i < fields.size(); i++) {
                row.put(fields.get(i).apiName(), r.get(i + 1));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<FieldDef> identifying(ObjectDef object) {
        return FIELDS.stream().flatMap(f -> object.field(f).stream()).toList();
    }

    /** Keys shared by more than {@code maxBlock} records: they say too little to compare under. */
    public Set<String> oversizedKeys(DSLContext dsl, Tenant tenant, String object, int maxBlock) {
        return new HashSet<>(dsl.select(KEY)
                .from(keys(tenant))
                .where(OBJECT.eq(object), KEY.ne(EVERY))
                .groupBy(KEY)
                .having(count().gt(maxBlock))
                .fetch(KEY));
    }

    /**
     * Calls {@code block} with every key and the records filed under it, for keys shared by 2 to
     * {@code maxBlock} records, streaming the key index in order.
     */
    public void keyBlocks(
            DSLContext dsl, Tenant tenant, String object, int maxBlock, BiConsumer<String, List<UUID>> block) {
        try (Cursor<Record2<String, UUID>> cursor = dsl.select(KEY, RECORD_ID)
                .from(keys(tenant))
                .where(OBJECT.eq(object), KEY.ne(EVERY))
                .orderBy(KEY, RECORD_ID)
                .fetchSize(20_000)
                .fetchLazy()) {
            String current = null;
            List<UUID> members = new ArrayList<>();
            for (Record2<String, UUID> r : cursor) {
                if (!r.value1().equals(current)) {
                    emit(current, members, maxBlock, block);
                    current = r.value1();
                    members = new ArrayList<>();
                }
                // an oversized block is only counted past its limit
                if (members.size() <= maxBlock) {
                    members.add(r.value2());
                }
            }
            emit(current, members, maxBlock, block);
        }
    }

    private static void emit(String key, List<UUID> members, int maxBlock, BiConsumer<String, List<UUID>> block) {
        if (members.size() >= 2 && members.size() <= maxBlock) {
            block.accept(key, members);
        }
    }

    /** How many records of the object (not deleted) match {@code scope}. */
    public int countInScope(DSLContext dsl, Tenant tenant, ObjectDef object, Condition scope) {
        return dsl.fetchCount(dsl.selectOne()
                .from(tenant.table(object.table()).as("r"))
                .where(scope, field(name("r", "deleted_at")).isNull()));
    }
}
