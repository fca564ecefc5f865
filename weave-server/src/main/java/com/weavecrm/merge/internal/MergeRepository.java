package com.weavecrm.merge.internal;

import static org.jooq.impl.DSL.arrayAgg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import com.weavecrm.merge.Merge;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL of merges: {@code record_merge} and the children each moved, {@code record_merge_child}. */
@Repository
public class MergeRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<UUID> SURVIVOR_ID = field(name("survivor_id"), UUID.class);
    private static final Field<UUID[]> MERGED_IDS = field(name("merged_ids"), UUID[].class);
    private static final Field<JSONB> CHANGES = field(name("changes"), JSONB.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<UUID> CREATED_BY = field(name("created_by"), UUID.class);
    private static final Field<OffsetDateTime> UNDONE_AT = field(name("undone_at"), OffsetDateTime.class);
    private static final Field<UUID> UNDONE_BY = field(name("undone_by"), UUID.class);
    private static final Field<UUID> MERGE_ID = field(name("merge_id"), UUID.class);
    private static final Field<String> FIELD = field(name("field"), String.class);
    private static final Field<UUID> RECORD_ID = field(name("record_id"), UUID.class);
    private static final Field<UUID> PREVIOUS_ID = field(name("previous_id"), UUID.class);

    private final JsonMapper json;

    public MergeRepository(JsonMapper json) {
        this.json = json;
    }

    /** The children one reference moved away from one merged record. */
    public record Children(String object, String field, UUID previousId, List<UUID> recordIds) {}

    public void insert(DSLContext dsl, Tenant tenant, Merge merge) {
        dsl.insertInto(tenant.table("record_merge"))
                .set(ID, merge.id())
                .set(OBJECT, merge.object())
                .set(SURVIVOR_ID, merge.survivorId())
                .set(MERGED_IDS, merge.mergedIds().toArray(UUID[]::new))
                .set(CHANGES, JSONB.valueOf(json.writeValueAsString(changesJson(merge.changes()))))
                .set(CREATED_BY, merge.createdBy())
                .execute();
    }

    /** Remembers the children moved from {@code previousId}, in one statement however many. */
    public void insertChildren(DSLContext dsl, Tenant tenant, UUID mergeId, Children children) {
        dsl.insertInto(tenant.table("record_merge_child"), MERGE_ID, OBJECT, FIELD, RECORD_ID, PREVIOUS_ID)
                .select(select(
                        val(mergeId),
                        val(children.object()),
                        val(children.field()),
                        field(
                                "unnest({0})",
                                UUID.class, val(children.recordIds().toArray(UUID[]::new))),
                        val(children.previousId())))
                .execute();
    }

    public Optional<Merge> find(DSLContext dsl, Tenant tenant, UUID id, boolean lock) {
        var query = dsl.select(
                        ID, OBJECT, SURVIVOR_ID, MERGED_IDS, CHANGES, CREATED_AT, CREATED_BY, UNDONE_AT, UNDONE_BY)
                .from(tenant.table("record_merge"))
                .where(ID.eq(id));
        return (lock ? query.forUpdate().fetchOptional() : query.fetchOptional())
                .map(r -> toMerge(r, childCounts(dsl, tenant, id)));
    }

    /** The active merge that folded {@code recordId} of {@code object} into another record, if any. */
    public Optional<UUID> activeMergeOf(DSLContext dsl, Tenant tenant, String object, UUID recordId) {
        return dsl.select(ID)
                .from(tenant.table("record_merge"))
                .where(OBJECT.eq(object))
                .and(MERGED_IDS.contains(new UUID[] {recordId}))
                .and(UNDONE_AT.isNull())
                .orderBy(CREATED_AT.desc())
                .limit(1)
                .fetchOptional(ID);
    }

    /** Whether a later merge, still active, folded one of this merge's records again. */
    public boolean mergedAgainLater(DSLContext dsl, Tenant tenant, Merge merge) {
        return dsl.fetchExists(select(ID)
                .from(tenant.table("record_merge"))
                .where(OBJECT.eq(merge.object()))
                .and(ID.ne(merge.id()))
                .and(UNDONE_AT.isNull())
                .and(CREATED_AT.ge(merge.createdAt()))
                .and(field(
                                "{0} && {1}",
                                Boolean.class, MERGED_IDS, val(merge.mergedIds().toArray(UUID[]::new)))
                        .isTrue()));
    }

    /** The children of the merge, grouped by reference and previous parent. */
    public List<Children> children(DSLContext dsl, Tenant tenant, UUID mergeId) {
        Field<UUID[]> ids = arrayAgg(RECORD_ID).as("ids");
        return dsl.select(OBJECT, FIELD, PREVIOUS_ID, ids)
                .from(tenant.table("record_merge_child"))
                .where(MERGE_ID.eq(mergeId))
                .groupBy(OBJECT, FIELD, PREVIOUS_ID)
                .orderBy(OBJECT, FIELD, PREVIOUS_ID)
                .fetch(r -> new Children(r.get(OBJECT), r.get(FIELD), r.get(PREVIOUS_ID), Arrays.asList(r.get(ids))));
    }

    public void markUndone(DSLContext dsl, Tenant tenant, UUID id, UUID by) {
        dsl.update(tenant.table("record_merge"))
                .set(UNDONE_AT, currentOffsetDateTime())
                .set(UNDONE_BY, by)
                .where(ID.eq(id))
                .execute();
    }

    private Map<String, Integer> childCounts(DSLContext dsl, Tenant tenant, UUID mergeId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        dsl.select(OBJECT, FIELD, count())
                .from(tenant.table("record_merge_child"))
                .where(MERGE_ID.eq(mergeId))
                .groupBy(OBJECT, FIELD)
                .orderBy(OBJECT, FIELD)
                .forEach(r -> counts.put(r.get(OBJECT) + "." + r.get(FIELD), r.get(2, Integer.class)));
        return counts;
    }

    private Merge toMerge(Record r, Map<String, Integer> repointed) {
        List<Merge.Change> changes = new ArrayList<>();
        json.readTree(r.get(CHANGES).data())
                .values()
                .forEach(c -> changes.add(new Merge.Change(c.path("field").asString(), c.get("old"), c.get("new"))));
        return new Merge(
                r.get(ID),
                r.get(OBJECT),
                r.get(SURVIVOR_ID),
                List.of(r.get(MERGED_IDS)),
                List.copyOf(changes),
                repointed,
                r.get(CREATED_AT),
                r.get(CREATED_BY),
                r.get(UNDONE_AT),
                r.get(UNDONE_BY));
    }

    private static List<Map<String, JsonNode>> changesJson(List<Merge.Change> changes) {
        return changes.stream()
                .map(c -> {
                    Map<String, JsonNode> item = new LinkedHashMap<>();
                    item.put("field", tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(c.field()));
                    item.put("old", c.oldValue());
                    item.put("new", c.newValue());
                    return item;
                })
                .collect(Collectors.toList());
    }
}
