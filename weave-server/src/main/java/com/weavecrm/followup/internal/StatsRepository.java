package com.weavecrm.followup.internal;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.percentileCont;

import com.weavecrm.platform.tenancy.Tenant;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/** Follow-up figures over deadlines, grouped by the owner, the owner's org unit or the lead's channel. */
@Repository
public class StatsRepository {

    /** One group's figures; the rate is met / (met + breached) of follow-ups, null when none ended yet. */
    public record Row(
            String key, long leads, Double firstResponseMedianMinutes, long followUpsMet, long followUpsBreached) {}

    /** {@code group}: the SQL of the group key over {@code d} (deadline), {@code l} (lead) and {@code u} (owner). */
    public List<Row> figures(
            DSLContext dsl,
            Tenant tenant,
            String leadTable,
            Field<?> group,
            Condition leadScope,
            OffsetDateTime since) {
        Field<String> kind = field(name("d", "kind"), String.class);
        Field<String> status = field(name("d", "status"), String.class);
        Field<OffsetDateTime> closed = field(name("d", "closed_at"), OffsetDateTime.class);
        Field<OffsetDateTime> started = field(name("d", "started_at"), OffsetDateTime.class);
        Field<BigDecimal> minutes = field("extract(epoch from ({0} - {1})) / 60", BigDecimal.class, closed, started);
        Condition firstMet = kind.eq("first_response").and(status.eq("met"));
        return dsl.select(
                        group.cast(String.class),
                        countDistinct(field(name("d", "lead_id"))),
                        percentileCont(0.5).withinGroupOrderBy(minutes).filterWhere(firstMet),
                        count().filterWhere(kind.eq("follow_up").and(status.eq("met"))),
                        count().filterWhere(kind.eq("follow_up").and(status.eq("breached"))))
                .from(tenant.table("followup_deadline").as("d"))
                .join(tenant.table(leadTable).as("l"))
                .on(field(name("l", "id")).eq(field(name("d", "lead_id"))))
                .leftJoin(tenant.table("app_user").as("u"))
                .on(field(name("u", "id")).eq(field(name("d", "owner_id"))))
                .where(
                        started.ge(since),
                        leadScope,
                        field(name("l", "deleted_at")).isNull())
                .groupBy(group)
                .orderBy(countDistinct(field(name("d", "lead_id"))).desc())
                .fetch(r -> new Row(
                        r.value1(),
                        r.value2(),
                        r.value3() == null ? null : r.value3().doubleValue(),
                        r.value4(),
                        r.value5()));
    }
}
