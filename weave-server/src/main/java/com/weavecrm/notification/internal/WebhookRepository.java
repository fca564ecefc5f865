package com.weavecrm.notification.internal;

import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.val;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** SQL of the tenant's group-bot channels ({@code webhook_channel}); URL and secret stored sealed. */
@Repository
public class WebhookRepository {

    /** A channel as stored. */
    public record Channel(
            UUID id,
            String name,
            String platform,
            String urlSealed,
            String secretSealed,
            List<String> kinds,
            boolean enabled,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> PLATFORM = field(name("platform"), String.class);
    private static final Field<String> URL_SEALED = field(name("url_sealed"), String.class);
    private static final Field<String> SECRET_SEALED = field(name("secret_sealed"), String.class);
    private static final Field<String[]> KINDS = field(name("kinds"), SQLDataType.CLOB.array());
    private static final Field<Boolean> ENABLED = field(name("enabled"), Boolean.class);
    private static final Field<Long> VERSION = field(name("version"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);
    private static final Field<UUID> CREATED_BY = field(name("created_by"), UUID.class);

    public List<Channel> all(DSLContext dsl, Tenant tenant) {
        return query(dsl, tenant).orderBy(lower(NAME), ID).fetch(WebhookRepository::row);
    }

    public Optional<Channel> find(DSLContext dsl, Tenant tenant, UUID id) {
        return query(dsl, tenant).where(ID.eq(id)).fetchOptional(WebhookRepository::row);
    }

    /** Enabled channels that take notices of this kind (named, or every kind with {@code *}). */
    public List<Channel> enabledFor(DSLContext dsl, Tenant tenant, String kind) {
        return query(dsl, tenant)
                .where(ENABLED.isTrue())
                .and(org.jooq
                        .impl
                        .DSL
                        .condition("{0} = any({1})", val(kind), KINDS)
                        .or(org.jooq.impl.DSL.condition("'*' = any({0})", KINDS)))
                .orderBy(ID)
                .fetch(WebhookRepository::row);
    }

    public boolean nameTaken(DSLContext dsl, Tenant tenant, String name, UUID except) {
        return dsl.fetchExists(dsl.selectOne()
                .from(tenant.table("webhook_channel"))
                .where(lower(NAME).eq(name.toLowerCase(java.util.Locale.ROOT)))
                .and(except == null ? org.jooq.impl.DSL.trueCondition() : ID.ne(except)));
    }

    public void insert(DSLContext dsl, Tenant tenant, Channel channel, UUID createdBy) {
        dsl.insertInto(tenant.table("webhook_channel"))
                .set(ID, channel.id())
                .set(NAME, channel.name())
                .set(PLATFORM, channel.platform())
                .set(URL_SEALED, channel.urlSealed())
                .set(SECRET_SEALED, channel.secretSealed())
                .set(KINDS, channel.kinds().toArray(String[]::new))
                .set(ENABLED, channel.enabled())
                .set(CREATED_BY, createdBy)
                .execute();
    }

    public boolean update(DSLContext dsl, Tenant tenant, Channel channel, long expectedVersion) {
        return dsl.update(tenant.table("webhook_channel"))
                        .set(NAME, channel.name())
                        .set(PLATFORM, channel.platform())
                        .set(URL_SEALED, channel.urlSealed())
                        .set(SECRET_SEALED, channel.secretSealed())
                        .set(KINDS, channel.kinds().toArray(String[]::new))
                        .set(ENABLED, channel.enabled())
                        .set(VERSION, VERSION.plus(1))
                        .set(UPDATED_AT, currentOffsetDateTime())
                        .where(ID.eq(channel.id()), VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    public boolean delete(DSLContext dsl, Tenant tenant, UUID id) {
        return dsl.deleteFrom(tenant.table("webhook_channel")).where(ID.eq(id)).execute() == 1;
    }

    private static org.jooq.SelectJoinStep<Record> query(DSLContext dsl, Tenant tenant) {
        return dsl.select(List.<org.jooq.SelectField<?>>of(
                        ID, NAME, PLATFORM, URL_SEALED, SECRET_SEALED, KINDS, ENABLED, VERSION, CREATED_AT, UPDATED_AT))
                .from(tenant.table("webhook_channel"));
    }

    private static Channel row(Record r) {
        return new Channel(
                r.get(ID),
                r.get(NAME),
                r.get(PLATFORM),
                r.get(URL_SEALED),
                r.get(SECRET_SEALED),
                Arrays.asList(r.get(KINDS)),
                r.get(ENABLED),
                r.get(VERSION),
                r.get(CREATED_AT),
                r.get(UPDATED_AT));
    }
}
