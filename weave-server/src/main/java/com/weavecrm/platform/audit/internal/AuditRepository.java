package com.weavecrm.platform.audit.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.audit.AuditEntry;
import com.weavecrm.platform.audit.AuditFilter;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the audit trail ({@code audit_log} in the tenant's schema). */
@Repository
public class AuditRepository {

    public static final Field<UUID> ACTOR_ID = field(name("actor_id"), UUID.class);
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<OffsetDateTime> AT = field(name("at"), OffsetDateTime.class);
    private static final Field<String> ACTION = field(name("action"), String.class);
    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<String> RECORD_ID = field(name("record_id"), String.class);
    private static final Field<JSONB> CHANGES = field(name("changes"), JSONB.class);
    private static final Field<String> DETAIL = field(name("detail"), String.class);
    private static final Field<String> REQUEST_ID = field(name("request_id"), String.class);
    private static final Field<String> IP = field(name("ip"), String.class);

    private static final int BATCH = 1_000;

    private final JsonMapper json;

    public AuditRepository(JsonMapper json) {
        this.json = json;
    }

    public void insert(
            DSLContext dsl,
            TenantContext ctx,
            String action,
            String object,
            String recordId,
            List<FieldChange> changes,
            String detail) {
        dsl.insertInto(ctx.tenant().table("audit_log"))
                .set(ACTOR_ID, ctx.userId())
                .set(ACTION, action)
                .set(OBJECT, object)
                .set(RECORD_ID, recordId)
                .set(CHANGES, JSONB.valueOf(json.writeValueAsString(asJson(changes))))
                .set(DETAIL, detail)
                .set(REQUEST_ID, ctx.requestId())
                .set(IP, ctx.clientIp())
                .execute();
    }

    /** Inserts one entry per record, a thousand rows per statement. */
    public void insertAll(
            DSLContext dsl,
            TenantContext ctx,
            String action,
            String object,
            List<AuditLog.RecordChanges> entries,
            String detail) {
        for (int from = 0; from < entries.size(); from += BATCH) {
            var insert = dsl.insertInto(
                    ctx.tenant().table("audit_log"),
                    ACTOR_ID,
                    ACTION,
                    OBJECT,
                    RECORD_ID,
                    CHANGES,
                    DETAIL,
                    REQUEST_ID,
                    IP);
            for (AuditLog.RecordChanges entry : entries.subList(from, Math.min(entries.size(), from + BATCH))) {
                insert = insert.values(
                        ctx.userId(),
                        action,
                        object,
                        entry.recordId() == null ? null : entry.recordId().toString(),
                        JSONB.valueOf(json.writeValueAsString(asJson(entry.changes()))),
                        detail,
                        ctx.requestId(),
                        ctx.clientIp());
            }
            insert.execute();
        }
    }

    public List<AuditEntry> find(
            DSLContext dsl, Tenant tenant, AuditFilter filter, Condition scope, Long beforeId, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(scope);
        if (filter.object() != null) {
            where.add(OBJECT.eq(filter.object()));
        }
        if (filter.recordId() != null) {
            where.add(RECORD_ID.eq(filter.recordId()));
        }
        if (filter.actorId() != null) {
            where.add(ACTOR_ID.eq(filter.actorId()));
        }
        if (filter.action() != null) {
            where.add(ACTION.eq(filter.action()));
        }
        if (filter.from() != null) {
            where.add(AT.ge(filter.from()));
        }
        if (filter.to() != null) {
            where.add(AT.lt(filter.to()));
        }
        if (beforeId != null) {
            where.add(ID.lt(beforeId));
        }
        return dsl.select(ID, AT, ACTOR_ID, ACTION, OBJECT, RECORD_ID, CHANGES, DETAIL, REQUEST_ID, IP)
                .from(tenant.table("audit_log"))
                .where(where)
                .orderBy(ID.desc())
                .limit(limit)
                .fetch(this::toEntry);
    }

    private AuditEntry toEntry(Record r) {
        return new AuditEntry(
                r.get(ID),
                r.get(AT),
                r.get(ACTOR_ID),
                r.get(ACTION),
                r.get(OBJECT),
                r.get(RECORD_ID),
                json.readTree(r.get(CHANGES).data()),
                r.get(DETAIL),
                r.get(REQUEST_ID),
                r.get(IP));
    }

    private static List<Map<String, Object>> asJson(List<FieldChange> changes) {
        return changes.stream()
                .map(c -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("field", c.field());
                    item.put("old", c.oldValue());
                    item.put("new", c.newValue());
                    return item;
                })
                .toList();
    }
}
