package com.weavecrm.followup.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;

import com.weavecrm.followup.Deadline;
import com.weavecrm.platform.tenancy.Tenant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The lead's two derived fields, kept from its deadlines: the minutes its first response took (the
 * met first-response deadline, from its start to the answer, rounded) and the status of its latest
 * follow-up deadline. Written straight to the lead's row, without touching its version or
 * {@code updated_at}: they are the product's bookkeeping, not a change anyone made.
 */
@Repository
public class LeadFieldsRepository {

    private static final int CHUNK = 1_000;

    /** Where the lead keeps them: its table and the two columns. */
    public record Columns(String table, String minutes, String status) {}

    /** Recomputes both fields of these leads. */
    public void refresh(DSLContext dsl, Tenant tenant, Columns columns, Collection<UUID> leads) {
        List<UUID> ids = List.copyOf(new java.util.LinkedHashSet<>(leads));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            update(dsl, tenant, columns, field(name("l", "id"), UUID.class).in(chunk));
        }
    }

    /** Fills both fields of leads with deadlines that have neither yet (after the fields were added). */
    public int backfill(DSLContext dsl, Tenant tenant, Columns columns) {
        Condition withDeadlines = field(name("l", "id"), UUID.class)
                .in(select(field(name("lead_id"), UUID.class)).from(tenant.table("followup_deadline")));
        return update(
                dsl,
                tenant,
                columns,
                withDeadlines
                        .and(field(name("l", columns.minutes())).isNull())
                        .and(field(name("l", columns.status())).isNull()));
    }

    private static int update(DSLContext dsl, Tenant tenant, Columns columns, Condition which) {
        Table<Record> d = tenant.table("followup_deadline").as("d");
        Field<UUID> leadId = field(name("d", "lead_id"), UUID.class);
        Field<UUID> lead = field(name("l", "id"), UUID.class);
        Field<String> kind = field(name("d", "kind"), String.class);
        Field<String> status = field(name("d", "status"), String.class);
        Field<java.time.OffsetDateTime> started = field(name("d", "started_at"), java.time.OffsetDateTime.class);
        Field<java.time.OffsetDateTime> closed = field(name("d", "closed_at"), java.time.OffsetDateTime.class);
        Field<Long> minutes = select(field(
                        "cast(round(extract(epoch from ({0} - {1})) / 60) as bigint)", Long.class, closed, started))
                .from(d)
                .where(leadId.eq(lead), kind.eq(Deadline.FIRST_RESPONSE), status.eq("met"))
                .orderBy(closed.desc())
                .limit(1)
                .asField();
        Field<String> latest = select(status)
                .from(d)
                .where(leadId.eq(lead), kind.eq(Deadline.FOLLOW_UP))
                .orderBy(started.desc(), closed.desc().nullsFirst())
                .limit(1)
                .asField();
        return dsl.update(tenant.table(columns.table()).as("l"))
                .set(field(name(columns.minutes()), Long.class), minutes)
                .set(field(name(columns.status()), String.class), latest)
                .where(which)
                .execute();
    }
}
