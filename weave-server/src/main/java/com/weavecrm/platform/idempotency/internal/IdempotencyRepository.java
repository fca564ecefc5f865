package com.weavecrm.platform.idempotency.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** SQL of {@code idempotency_key}. */
@Repository
public class IdempotencyRepository {

    private static final Field<UUID> USER_ID = field(name("user_id"), UUID.class);
    private static final Field<String> KEY = field(name("key"), String.class);
    private static final Field<String> REQUEST_HASH = field(name("request_hash"), String.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<Integer> RESPONSE_STATUS = field(name("response_status"), Integer.class);
    private static final Field<String> RESPONSE_BODY = field(name("response_body"), String.class);
    private static final Field<String> RESPONSE_TYPE = field(name("response_type"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);

    /** A stored key: still running, or done with the response to replay. */
    public record Entry(
            String requestHash,
            boolean running,
            int status,
            String body,
            String contentType,
            OffsetDateTime createdAt) {}

    /** Claims the key for a first request; false when it exists already. */
    public boolean claim(
            DSLContext dsl, Tenant tenant, UUID userId, String key, String requestHash, OffsetDateTime now) {
        return dsl.insertInto(tenant.table("idempotency_key"))
                        .set(USER_ID, userId)
                        .set(KEY, key)
                        .set(REQUEST_HASH, requestHash)
                        .set(STATUS, "running")
                        .set(CREATED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    public Optional<Entry> find(DSLContext dsl, Tenant tenant, UUID userId, String key) {
        return dsl.select(REQUEST_HASH, STATUS, RESPONSE_STATUS, RESPONSE_BODY, RESPONSE_TYPE, CREATED_AT)
                .from(tenant.table("idempotency_key"))
                .where(USER_ID.eq(userId))
                .and(KEY.eq(key))
                .fetchOptional(r -> new Entry(
                        r.get(REQUEST_HASH),
                        "running".equals(r.get(STATUS)),
                        r.get(RESPONSE_STATUS) == null ? 0 : r.get(RESPONSE_STATUS),
                        r.get(RESPONSE_BODY),
                        r.get(RESPONSE_TYPE),
                        r.get(CREATED_AT)));
    }

    public void complete(DSLContext dsl, Tenant tenant, UUID userId, String key, int status, String body, String type) {
        dsl.update(tenant.table("idempotency_key"))
                .set(STATUS, "done")
                .set(RESPONSE_STATUS, status)
                .set(RESPONSE_BODY, body)
                .set(RESPONSE_TYPE, type)
                .where(USER_ID.eq(userId))
                .and(KEY.eq(key))
                .execute();
    }

    public void release(DSLContext dsl, Tenant tenant, UUID userId, String key) {
        dsl.deleteFrom(tenant.table("idempotency_key"))
                .where(USER_ID.eq(userId))
                .and(KEY.eq(key))
                .execute();
    }

    public int purgeOlderThan(DSLContext dsl, Tenant tenant, OffsetDateTime cutoff) {
        return dsl.deleteFrom(tenant.table("idempotency_key"))
                .where(CREATED_AT.lt(cutoff))
                .execute();
    }
}
