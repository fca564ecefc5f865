package com.weavecrm.platform.events;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.weavecrm.platform.tenancy.TenantContext;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds domain events to the outbox inside the caller's tenant transaction. Row-level security lets a
 * tenant's role add events of its own tenant only.
 */
@Component
public class Outbox {

    private static final Field<UUID> TENANT_ID = field(name("tenant_id"), UUID.class);
    private static final Field<String> EVENT_TYPE = field(name("event_type"), String.class);
    private static final Field<String> OBJECT = field(name("object"), String.class);
    private static final Field<String> RECORD_ID = field(name("record_id"), String.class);
    private static final Field<UUID> ACTOR_ID = field(name("actor_id"), UUID.class);
    private static final Field<JSONB> PAYLOAD = field(name("payload"), JSONB.class);

    private static final int BATCH = 1_000;

    /** One event of a batch: the record and the payload. */
    public record Event(Object recordId, Map<String, ?> payload) {}

    private final JsonMapper json;

    public Outbox(JsonMapper json) {
        this.json = json;
    }

    /** Records that {@code object} {@code recordId} was {@code verb}ed (event type {@code object.verb}). */
    public void emit(
            DSLContext dsl, TenantContext ctx, String object, String verb, Object recordId, Map<String, ?> payload) {
        dsl.insertInto(table(name("platform", "outbox")))
                .set(TENANT_ID, ctx.tenant().id())
                .set(EVENT_TYPE, object + "." + verb)
                .set(OBJECT, object)
                .set(RECORD_ID, recordId == null ? null : recordId.toString())
                .set(ACTOR_ID, ctx.userId())
                .set(PAYLOAD, JSONB.valueOf(json.writeValueAsString(payload)))
                .execute();
    }

    /** The same verb for many records of one object, a thousand rows per statement. */
    public void emitAll(DSLContext dsl, TenantContext ctx, String object, String verb, java.util.List<Event> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            var insert = dsl.insertInto(
                    table(name("platform", "outbox")), TENANT_ID, EVENT_TYPE, OBJECT, RECORD_ID, ACTOR_ID, PAYLOAD);
            for (Event event : events.subList(from, Math.min(events.size(), from + BATCH))) {
                insert = insert.values(
                        ctx.tenant().id(),
                        object + "." + verb,
                        object,
                        event.recordId() == null ? null : event.recordId().toString(),
                        ctx.userId(),
                        JSONB.valueOf(json.writeValueAsString(event.payload())));
            }
            insert.execute();
        }
    }
}
