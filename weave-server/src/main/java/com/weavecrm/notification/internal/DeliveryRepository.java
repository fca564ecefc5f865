package com.weavecrm.notification.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** SQL of deliveries ({@code notification_delivery}): one per notification and e-mail or bot channel. */
@Repository
public class DeliveryRepository {

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    /** A delivery as its job and the settings page see it. */
    public record Delivery(
            UUID id,
            UUID notificationId,
            String channel,
            UUID webhookId,
            String status,
            int attempts,
            String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            String kind) {}

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<UUID> NOTIFICATION_ID = field(name("notification_id"), UUID.class);
    private static final Field<String> CHANNEL = field(name("channel"), String.class);
    private static final Field<UUID> WEBHOOK_ID = field(name("webhook_id"), UUID.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<Integer> ATTEMPTS = field(name("attempts"), Integer.class);
    private static final Field<String> LAST_ERROR = field(name("last_error"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);

    private static final Field<UUID> D_ID = field(name("d", "id"), UUID.class);
    private static final Field<UUID> D_NOTIFICATION_ID = field(name("d", "notification_id"), UUID.class);
    private static final Field<String> D_CHANNEL = field(name("d", "channel"), String.class);
    private static final Field<UUID> D_WEBHOOK_ID = field(name("d", "webhook_id"), UUID.class);
    private static final Field<String> D_STATUS = field(name("d", "status"), String.class);
    private static final Field<Integer> D_ATTEMPTS = field(name("d", "attempts"), Integer.class);
    private static final Field<String> D_LAST_ERROR = field(name("d", "last_error"), String.class);
    private static final Field<OffsetDateTime> D_CREATED_AT = field(name("d", "created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> D_UPDATED_AT = field(name("d", "updated_at"), OffsetDateTime.class);
    private static final Field<UUID> N_ID = field(name("n", "id"), UUID.class);
    private static final Field<String> N_KIND = field(name("n", "kind"), String.class);

    public void insert(DSLContext dsl, Tenant tenant, UUID id, UUID notificationId, String channel, UUID webhookId) {
        dsl.insertInto(tenant.table("notification_delivery"))
                .set(ID, id)
                .set(NOTIFICATION_ID, notificationId)
                .set(CHANNEL, channel)
                .set(WEBHOOK_ID, webhookId)
                .execute();
    }

    public Optional<Delivery> find(DSLContext dsl, Tenant tenant, UUID id) {
        return query(dsl, tenant).where(D_ID.eq(id)).fetchOptional(this::row);
    }

    /** The newest deliveries to a channel. */
    public List<Delivery> recent(DSLContext dsl, Tenant tenant, UUID webhookId, int limit) {
        return query(dsl, tenant)
                .where(D_WEBHOOK_ID.eq(webhookId))
                .orderBy(D_CREATED_AT.desc(), D_ID.desc())
                .limit(limit)
                .fetch(this::row);
    }

    public void markSent(DSLContext dsl, Tenant tenant, UUID id, int attempts) {
        dsl.update(tenant.table("notification_delivery"))
                .set(STATUS, SENT)
                .set(ATTEMPTS, attempts)
                .set(LAST_ERROR, (String) null)
                .set(UPDATED_AT, currentOffsetDateTime())
                .where(ID.eq(id))
                .execute();
    }

    /** Records a failed attempt: still pending (it will be tried again) or failed for good. */
    public void markAttemptFailed(DSLContext dsl, Tenant tenant, UUID id, int attempts, String error, boolean last) {
        dsl.update(tenant.table("notification_delivery"))
                .set(STATUS, last ? FAILED : PENDING)
                .set(ATTEMPTS, attempts)
                .set(LAST_ERROR, error)
                .set(UPDATED_AT, currentOffsetDateTime())
                .where(ID.eq(id))
                .execute();
    }

    private org.jooq.SelectJoinStep<
                    org.jooq.Record10<
                            UUID, UUID, String, UUID, String, Integer, String, OffsetDateTime, OffsetDateTime, String>>
            query(DSLContext dsl, Tenant tenant) {
        return dsl.select(
                        D_ID,
                        D_NOTIFICATION_ID,
                        D_CHANNEL,
                        D_WEBHOOK_ID,
                        D_STATUS,
                        D_ATTEMPTS,
                        D_LAST_ERROR,
                        D_CREATED_AT,
                        D_UPDATED_AT,
                        N_KIND)
                .from(tenant.table("notification_delivery").as("d"))
                .join(tenant.table("notification").as("n"))
                .on(N_ID.eq(D_NOTIFICATION_ID));
    }

    private Delivery row(
            org.jooq.Record10<UUID, UUID, String, UUID, String, Integer, String, OffsetDateTime, OffsetDateTime, String>
                    r) {
        return new Delivery(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                r.value6(),
                r.value7(),
                r.value8(),
                r.value9(),
                r.value10());
    }
}
