package com.weavecrm.followup.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.followup.Deadline;
import com.weavecrm.platform.tenancy.Tenant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record10;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/** Leads' deadlines. */
@Repository
public class DeadlineRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<UUID> LEAD_ID = field(name("lead_id"), UUID.class);
    private static final Field<UUID> POLICY_ID = field(name("policy_id"), UUID.class);
    private static final Field<String> KIND = field(name("kind"), String.class);
    private static final Field<UUID> OWNER_ID = field(name("owner_id"), UUID.class);
    private static final Field<OffsetDateTime> STARTED_AT = field(name("started_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> DUE_AT = field(name("due_at"), OffsetDateTime.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<OffsetDateTime> CLOSED_AT = field(name("closed_at"), OffsetDateTime.class);
    private static final Field<String> OUTCOME = field(name("outcome"), String.class);

    private static Table<Record> deadlines(Tenant tenant) {
        return tenant.table("followup_deadline");
    }

    public void insert(DSLContext dsl, Tenant tenant, Deadline d) {
        dsl.insertInto(deadlines(tenant))
                .set(ID, d.id())
                .set(LEAD_ID, d.leadId())
                .set(POLICY_ID, d.policyId())
                .set(KIND, d.kind())
                .set(OWNER_ID, d.ownerId())
                .set(STARTED_AT, d.startedAt())
                .set(DUE_AT, d.dueAt())
                .set(STATUS, d.status())
                .execute();
    }

    public List<Deadline> ofLead(DSLContext dsl, Tenant tenant, UUID lead) {
        return select(dsl, tenant)
                .where(LEAD_ID.eq(lead))
                .orderBy(STARTED_AT, KIND)
                .fetch(DeadlineRepository::deadline);
    }

    public List<Deadline> pendingOf(DSLContext dsl, Tenant tenant, Collection<UUID> leads, Collection<String> kinds) {
        return select(dsl, tenant)
                .where(LEAD_ID.in(leads), KIND.in(kinds), STATUS.eq("pending"))
                .fetch(DeadlineRepository::deadline);
    }

    /** Pending deadlines due by {@code now}, locked (others running the sweep skip them), at most {@code limit}. */
    public List<Deadline> lockDue(DSLContext dsl, Tenant tenant, OffsetDateTime now, int limit) {
        return select(dsl, tenant)
                .where(STATUS.eq("pending"), DUE_AT.le(now))
                .orderBy(DUE_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch(DeadlineRepository::deadline);
    }

    /** Closes pending deadlines; returns how many closed. */
    public int close(
            DSLContext dsl, Tenant tenant, Collection<UUID> ids, String status, String outcome, OffsetDateTime at) {
        return dsl.update(deadlines(tenant))
                .set(STATUS, status)
                .set(OUTCOME, outcome)
                .set(CLOSED_AT, at)
                .where(ID.in(ids), STATUS.eq("pending"))
                .execute();
    }

    public void setOutcome(DSLContext dsl, Tenant tenant, UUID id, String outcome) {
        dsl.update(deadlines(tenant)).set(OUTCOME, outcome).where(ID.eq(id)).execute();
    }

    /** Lead ids of a customer's leads that have a pending deadline. */
    public List<UUID> pendingLeadsOfCustomer(
            DSLContext dsl, Tenant tenant, String leadTable, String customerColumn, UUID customer) {
        Table<Record> lead = tenant.table(leadTable).as("l");
        Field<UUID> leadId = field(name("d", "lead_id"), UUID.class);
        return dsl.selectDistinct(leadId)
                .from(deadlines(tenant).as("d"))
                .join(lead)
                .on(field(name("l", "id"), UUID.class).eq(leadId))
                .where(
                        field(name("l", customerColumn), UUID.class).eq(customer),
                        field(name("d", "status"), String.class).eq("pending"))
                .fetch(leadId);
    }

    private static org.jooq.SelectJoinStep<
                    Record10<
                            UUID,
                            UUID,
                            UUID,
                            String,
                            UUID,
                            OffsetDateTime,
                            OffsetDateTime,
                            String,
                            OffsetDateTime,
                            String>>
            select(DSLContext dsl, Tenant tenant) {
        return dsl.select(ID, LEAD_ID, POLICY_ID, KIND, OWNER_ID, STARTED_AT, DUE_AT, STATUS, CLOSED_AT, OUTCOME)
                .from(deadlines(tenant));
    }

    private static Deadline deadline(
            Record10<UUID, UUID, UUID, String, UUID, OffsetDateTime, OffsetDateTime, String, OffsetDateTime, String>
                    r) {
        return new Deadline(
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
