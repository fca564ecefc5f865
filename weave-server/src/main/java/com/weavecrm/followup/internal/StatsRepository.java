package com.weavecrm.followup.internal;

import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.percentileCont;

import com.weavecrm.followup.Deadline;
import com.weavecrm.platform.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Repository;

/**
 * Follow-up figures over the deadlines started in a period, grouped by the deadline's owner, that
 * owner's org unit or the lead's channel; and the deadlines behind one group's figures.
 */
@Repository
public class StatsRepository {

    /** What is counted: the group, the leads' table and the caller's scope on it, the period (until may be null). */
    public record Query(
            Field<?> group,
            Field<String> label,
            String leadTable,
            Condition leadScope,
            OffsetDateTime from,
            OffsetDateTime until) {}

    /** One group's figures; minutes are of met first responses, follow-ups are counted by their status. */
    public record Row(
            String key,
            String label,
            long leads,
            Double firstResponseMedianMinutes,
            Double firstResponseAverageMinutes,
            long firstResponses,
            long firstResponsesBreached,
            long followUpsMet,
            long followUpsBreached,
            long followUpsOpen) {}

    private static final Field<String> KIND = field(name("d", "kind"), String.class);
    private static final Field<String> STATUS = field(name("d", "status"), String.class);
    private static final Field<OffsetDateTime> STARTED = field(name("d", "started_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> CLOSED = field(name("d", "closed_at"), OffsetDateTime.class);
    private static final Field<UUID> LEAD = field(name("d", "lead_id"), UUID.class);

    /** The figures of every group, most leads first. */
    public List<Row> figures(DSLContext dsl, Tenant tenant, Query query) {
        Field<BigDecimal> minutes = field("extract(epoch from ({0} - {1})) / 60", BigDecimal.class, CLOSED, STARTED);
        Condition firstMet = KIND.eq(Deadline.FIRST_RESPONSE).and(STATUS.eq("met"));
        Condition followUp = KIND.eq(Deadline.FOLLOW_UP);
        return from(
                        dsl.select(
                                query.group().cast(String.class),
                                max(query.label()),
                                countDistinct(LEAD),
                                percentileCont(0.5).withinGroupOrderBy(minutes).filterWhere(firstMet),
                                avg(minutes).filterWhere(firstMet),
                                count().filterWhere(firstMet),
                                count().filterWhere(
                                                KIND.eq(Deadline.FIRST_RESPONSE).and(STATUS.eq("breached"))),
                                count().filterWhere(followUp.and(STATUS.eq("met"))),
                                count().filterWhere(followUp.and(STATUS.eq("breached"))),
                                count().filterWhere(followUp.and(STATUS.eq("pending")))),
                        tenant,
                        query)
                .where(conditions(query))
                .groupBy(query.group())
                .orderBy(countDistinct(LEAD).desc(), query.group().cast(String.class))
                .fetch(r -> new Row(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        decimal(r.value4()),
                        decimal(r.value5()),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9(),
                        r.value10()));
    }

    /** The deadlines counted in the group {@code key} (null: the group without a key), newest first. */
    public List<Deadline> deadlines(DSLContext dsl, Tenant tenant, Query query, String key, int limit) {
        Condition inGroup = key == null
                ? query.group().isNull()
                : query.group().cast(String.class).eq(key);
        return from(
                        dsl.select(
                                field(name("d", "id"), UUID.class),
                                LEAD,
                                field(name("d", "policy_id"), UUID.class),
                                KIND,
                                field(name("d", "owner_id"), UUID.class),
                                STARTED,
                                field(name("d", "due_at"), OffsetDateTime.class),
                                STATUS,
                                CLOSED,
                                field(name("d", "outcome"), String.class)),
                        tenant,
                        query)
                .where(conditions(query).and(inGroup))
                .orderBy(STARTED.desc(), LEAD, KIND)
                .limit(limit)
                .fetch(r -> new Deadline(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9(),
                        r.value10()));
    }

    /** Deadlines {@code d} with their lead {@code l}, owner {@code u} and the owner's unit {@code o}. */
    private static <R extends org.jooq.Record> SelectOnConditionStep<R> from(
            org.jooq.SelectSelectStep<R> select, Tenant tenant, Query query) {
        return select.from(tenant.table("followup_deadline").as("d"))
                .join(tenant.table(query.leadTable()).as("l"))
                .on(field(name("l", "id"), UUID.class).eq(LEAD))
                .leftJoin(tenant.table("app_user").as("u"))
                .on(field(name("u", "id"), UUID.class).eq(field(name("d", "owner_id"), UUID.class)))
                .leftJoin(tenant.table("org_unit").as("o"))
                .on(field(name("o", "id"), UUID.class).eq(field(name("u", "org_unit_id"), UUID.class)));
    }

    private static Condition conditions(Query query) {
        return STARTED.ge(query.from())
                .and(query.until() == null ? noCondition() : STARTED.lt(query.until()))
                .and(query.leadScope())
                .and(field(name("l", "deleted_at")).isNull());
    }

    private static Double decimal(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
