package com.weavecrm.lead.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** Where each lead came from and the trace of its intake. */
@Repository
public class IntakeRepository {

    /** An intake as stored; {@code utm} and {@code trace} as JSON text. */
    public record Intake(
            UUID leadId,
            UUID customerId,
            UUID duplicateOf,
            UUID ownerId,
            String channel,
            String utm,
            Boolean consent,
            String contentHash,
            UUID submittedBy,
            String trace,
            UUID webFormId) {}

    private static final Field<UUID> LEAD_ID = field(name("lead_id"), UUID.class);
    private static final Field<UUID> CUSTOMER_ID = field(name("customer_id"), UUID.class);
    private static final Field<UUID> DUPLICATE_OF = field(name("duplicate_of"), UUID.class);
    private static final Field<UUID> OWNER_ID = field(name("owner_id"), UUID.class);
    private static final Field<String> CHANNEL = field(name("channel"), String.class);
    private static final Field<JSONB> UTM = field(name("utm"), JSONB.class);
    private static final Field<Boolean> CONSENT = field(name("consent"), Boolean.class);
    private static final Field<String> CONTENT_HASH = field(name("content_hash"), String.class);
    private static final Field<UUID> SUBMITTED_BY = field(name("submitted_by"), UUID.class);
    private static final Field<JSONB> TRACE = field(name("trace"), JSONB.class);
    private static final Field<UUID> WEB_FORM_ID = field(name("web_form_id"), UUID.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);

    private static Table<Record> intakes(Tenant tenant) {
        return tenant.table("lead_intake");
    }

    public void insert(DSLContext dsl, Tenant tenant, Intake intake) {
        dsl.insertInto(intakes(tenant))
                .set(LEAD_ID, intake.leadId())
                .set(CUSTOMER_ID, intake.customerId())
                .set(DUPLICATE_OF, intake.duplicateOf())
                .set(OWNER_ID, intake.ownerId())
                .set(CHANNEL, intake.channel())
                .set(UTM, intake.utm() == null ? null : JSONB.valueOf(intake.utm()))
                .set(CONSENT, intake.consent())
                .set(CONTENT_HASH, intake.contentHash())
                .set(SUBMITTED_BY, intake.submittedBy())
                .set(TRACE, JSONB.valueOf(intake.trace()))
                .set(WEB_FORM_ID, intake.webFormId())
                .execute();
    }

    /** The latest intake of the same content since {@code since}, if any. */
    public Optional<Intake> recent(DSLContext dsl, Tenant tenant, String contentHash, OffsetDateTime since) {
        return read(dsl, tenant, CONTENT_HASH.eq(contentHash).and(CREATED_AT.ge(since)));
    }

    public Optional<Intake> find(DSLContext dsl, Tenant tenant, UUID leadId) {
        return read(dsl, tenant, LEAD_ID.eq(leadId));
    }

    private static Optional<Intake> read(DSLContext dsl, Tenant tenant, org.jooq.Condition where) {
        return dsl.select(
                        LEAD_ID,
                        CUSTOMER_ID,
                        DUPLICATE_OF,
                        OWNER_ID,
                        CHANNEL,
                        UTM,
                        CONSENT,
                        CONTENT_HASH,
                        SUBMITTED_BY,
                        TRACE,
                        WEB_FORM_ID)
                .from(intakes(tenant))
                .where(where)
                .orderBy(CREATED_AT.desc())
                .limit(1)
                .fetchOptional(IntakeRepository::intake);
    }

    private static Intake intake(
            org.jooq.Record11<UUID, UUID, UUID, UUID, String, JSONB, Boolean, String, UUID, JSONB, UUID> r) {
        return new Intake(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                r.value6() == null ? null : r.value6().data(),
                r.value7(),
                r.value8(),
                r.value9(),
                r.value10().data(),
                r.value11());
    }
}
