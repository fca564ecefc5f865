package com.weavecrm.notification.internal;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SelectSelectStep;
import org.springframework.stereotype.Repository;

/** SQL of the inbox ({@code notification}) and of the signal that tells every server about a change. */
@Repository
public class NotificationRepository {

    /** The PostgreSQL channel every server listens on for new and read notifications. */
    public static final String CHANNEL = "weave_notifications";

    private static final Field<UUID> ID = field(name("n", "id"), UUID.class);
    private static final Field<Long> SEQ = field(name("n", "seq"), Long.class);
    private static final Field<UUID> RECIPIENT = field(name("n", "recipient_id"), UUID.class);
    private static final Field<String> KIND = field(name("n", "kind"), String.class);
    private static final Field<JSONB> TITLE = field(name("n", "title"), JSONB.class);
    private static final Field<JSONB> BODY = field(name("n", "body"), JSONB.class);
    private static final Field<String> LINK = field(name("n", "link"), String.class);
    private static final Field<String> RELATED_OBJECT = field(name("n", "related_object"), String.class);
    private static final Field<UUID> RELATED_ID = field(name("n", "related_id"), UUID.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("n", "created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> READ_AT = field(name("n", "read_at"), OffsetDateTime.class);

    private static final Field<UUID> W_ID = field(name("id"), UUID.class);
    private static final Field<Long> W_SEQ = field(name("seq"), Long.class);
    private static final Field<UUID> W_RECIPIENT = field(name("recipient_id"), UUID.class);
    private static final Field<String> W_KIND = field(name("kind"), String.class);
    private static final Field<JSONB> W_TITLE = field(name("title"), JSONB.class);
    private static final Field<JSONB> W_BODY = field(name("body"), JSONB.class);
    private static final Field<String> W_LINK = field(name("link"), String.class);
    private static final Field<String> W_RELATED_OBJECT = field(name("related_object"), String.class);
    private static final Field<UUID> W_RELATED_ID = field(name("related_id"), UUID.class);
    private static final Field<String> W_DEDUPE_KEY = field(name("dedupe_key"), String.class);
    private static final Field<OffsetDateTime> W_READ_AT = field(name("read_at"), OffsetDateTime.class);

    private static final Field<UUID> D_NOTIFICATION = field(name("d", "notification_id"), UUID.class);
    private static final Field<String> D_CHANNEL = field(name("d", "channel"), String.class);
    private static final Field<String> D_STATUS = field(name("d", "status"), String.class);

    /** Counting unread notifications stops here: a bell shows "999+" beyond. */
    public static final int COUNT_CAP = 1_000;

    /** The new notification's sequence number, or empty when its once-key was used already. */
    public Optional<Long> insert(
            DSLContext dsl,
            Tenant tenant,
            UUID id,
            UUID recipient,
            String kind,
            String title,
            String body,
            String link,
            String relatedObject,
            UUID relatedId,
            String onceKey) {
        return dsl.insertInto(tenant.table("notification"))
                .set(W_ID, id)
                .set(W_RECIPIENT, recipient)
                .set(W_KIND, kind)
                .set(W_TITLE, JSONB.valueOf(title))
                .set(W_BODY, body == null ? null : JSONB.valueOf(body))
                .set(W_LINK, link)
                .set(W_RELATED_OBJECT, relatedObject)
                .set(W_RELATED_ID, relatedId)
                .set(W_DEDUPE_KEY, onceKey)
                .onConflictDoNothing()
                .returningResult(W_SEQ)
                .fetchOptional(r -> r.value1());
    }

    /** A page of the recipient's inbox, newest first, before {@code beforeSeq} when given. */
    public List<StoredNotification> page(
            DSLContext dsl, Tenant tenant, UUID recipient, boolean unreadOnly, Long beforeSeq, int limit) {
        List<Condition> where = new ArrayList<>();
        where.add(RECIPIENT.eq(recipient));
        if (unreadOnly) {
            where.add(READ_AT.isNull());
        }
        if (beforeSeq != null) {
            where.add(SEQ.lt(beforeSeq));
        }
        return query(dsl, tenant).where(where).orderBy(SEQ.desc()).limit(limit).fetch(r -> row(r));
    }

    /** The recipient's notifications after {@code afterSeq}, oldest first (a stream catching up). */
    public List<StoredNotification> after(DSLContext dsl, Tenant tenant, UUID recipient, long afterSeq, int limit) {
        return query(dsl, tenant)
                .where(RECIPIENT.eq(recipient), SEQ.gt(afterSeq))
                .orderBy(SEQ.asc())
                .limit(limit)
                .fetch(r -> row(r));
    }

    public Optional<StoredNotification> find(DSLContext dsl, Tenant tenant, UUID recipient, UUID id) {
        return query(dsl, tenant).where(ID.eq(id), RECIPIENT.eq(recipient)).fetchOptional(r -> row(r));
    }

    public Optional<StoredNotification> bySeq(DSLContext dsl, Tenant tenant, long seq) {
        return query(dsl, tenant).where(SEQ.eq(seq)).fetchOptional(r -> row(r));
    }

    public Optional<StoredNotification> byId(DSLContext dsl, Tenant tenant, UUID id) {
        return query(dsl, tenant).where(ID.eq(id)).fetchOptional(r -> row(r));
    }

    /** The sequence number of the recipient's newest notification, 0 when they have none. */
    public long newestSeq(DSLContext dsl, Tenant tenant, UUID recipient) {
        Long seq = dsl.select(org.jooq.impl.DSL.max(W_SEQ))
                .from(tenant.table("notification"))
                .where(W_RECIPIENT.eq(recipient))
                .fetchOne(0, Long.class);
        return seq == null ? 0 : seq;
    }

    /** Marks one notification of the recipient read (once: the first time stays); false when not theirs. */
    public boolean markRead(DSLContext dsl, Tenant tenant, UUID recipient, UUID id) {
        return dsl.update(tenant.table("notification"))
                        .set(W_READ_AT, coalesce(W_READ_AT, currentOffsetDateTime()))
                        .where(W_ID.eq(id), W_RECIPIENT.eq(recipient))
                        .execute()
                == 1;
    }

    public int markAllRead(DSLContext dsl, Tenant tenant, UUID recipient) {
        return dsl.update(tenant.table("notification"))
                .set(W_READ_AT, currentOffsetDateTime())
                .where(W_RECIPIENT.eq(recipient), W_READ_AT.isNull())
                .execute();
    }

    /** Unread notifications of the recipient, counted up to {@link #COUNT_CAP}. */
    public int unreadCount(DSLContext dsl, Tenant tenant, UUID recipient) {
        return dsl.select(count())
                .from(selectOne()
                        .from(tenant.table("notification"))
                        .where(W_RECIPIENT.eq(recipient), W_READ_AT.isNull())
                        .limit(COUNT_CAP)
                        .asTable("u"))
                .fetchOne(0, int.class);
    }

    /** Tells every server (LISTEN) about a change once the transaction commits. */
    public void signal(DSLContext dsl, String payload) {
        dsl.select(field("pg_notify({0}, {1})", Object.class, val(CHANNEL), val(payload)))
                .fetch();
    }

    private static SelectSelectStep<Record> columns(DSLContext dsl, Tenant tenant) {
        Field<String> emailStatus = select(D_STATUS)
                .from(tenant.table("notification_delivery").as("d"))
                .where(D_NOTIFICATION.eq(ID), D_CHANNEL.eq("email"))
                .limit(1)
                .asField("email_status");
        return dsl.select(List.<org.jooq.SelectField<?>>of(
                ID,
                SEQ,
                RECIPIENT,
                KIND,
                TITLE,
                BODY,
                LINK,
                RELATED_OBJECT,
                RELATED_ID,
                CREATED_AT,
                READ_AT,
                emailStatus));
    }

    private static org.jooq.SelectJoinStep<Record> query(DSLContext dsl, Tenant tenant) {
        return columns(dsl, tenant).from(tenant.table("notification").as("n"));
    }

    private static StoredNotification row(Record r) {
        JSONB body = r.get(BODY);
        return new StoredNotification(
                r.get(ID),
                r.get(SEQ),
                r.get(RECIPIENT),
                r.get(KIND),
                r.get(TITLE).data(),
                body == null ? null : body.data(),
                r.get(LINK),
                r.get(RELATED_OBJECT),
                r.get(RELATED_ID),
                r.get(CREATED_AT),
                r.get(READ_AT),
                r.get("email_status", String.class));
    }
}
