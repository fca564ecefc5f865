package com.weavecrm.attribution.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.when;

import com.weavecrm.attribution.Touch;
import com.weavecrm.attribution.TouchFields;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;
import org.springframework.stereotype.Repository;

/**
 * The touch columns of customers and deals, written by the product only. They are derived values,
 * not edits: they move neither a record's version nor its {@code updatedAt}.
 */
@Repository
public class AttributionRepository {

    private static final Field<UUID> ID = field(name("id"), UUID.class);
    private static final Field<OffsetDateTime> DELETED_AT = field(name("deleted_at"), OffsetDateTime.class);

    /**
     * The customer's latest touch becomes {@code touch}; its first touch too when {@code first} is set
     * or when it has none yet.
     */
    public void touchCustomer(
            DSLContext dsl,
            Table<org.jooq.Record> customers,
            TouchFields firstFields,
            TouchFields lastFields,
            UUID customerId,
            Touch touch,
            boolean first) {
        Field<OffsetDateTime> firstAt = at(firstFields);
        var replaceFirst = first ? org.jooq.impl.DSL.trueCondition() : firstAt.isNull();
        var update = set(dsl.update(customers).set(channel(lastFields), touch.channel()), lastFields, touch);
        update.set(channel(firstFields), when(replaceFirst, touch.channel()).otherwise(channel(firstFields)))
                .set(campaign(firstFields), when(replaceFirst, touch.campaign()).otherwise(campaign(firstFields)))
                .set(firstAt, when(replaceFirst, touch.at()).otherwise(firstAt))
                .where(ID.eq(customerId))
                .execute();
    }

    /** The latest touch of every live deal of the customer whose stage is not one of {@code closedStages}. */
    public int touchOpenDeals(
            DSLContext dsl,
            Table<org.jooq.Record> deals,
            TouchFields lastFields,
            String customerColumn,
            String stageColumn,
            Collection<String> closedStages,
            UUID customerId,
            Touch touch) {
        Field<String> stage = field(name(stageColumn), String.class);
        return set(dsl.update(deals).set(channel(lastFields), touch.channel()), lastFields, touch)
                .where(field(name(customerColumn), UUID.class).eq(customerId))
                .and(DELETED_AT.isNull())
                .and(stage.isNull().or(stage.notIn(closedStages)))
                .execute();
    }

    /** The customer's latest touch, if it has one. */
    public Optional<Touch> lastTouch(
            DSLContext dsl, Table<org.jooq.Record> customers, TouchFields lastFields, UUID customerId) {
        return dsl.select(channel(lastFields), campaign(lastFields), at(lastFields))
                .from(customers)
                .where(ID.eq(customerId))
                .and(channel(lastFields).isNotNull())
                .and(at(lastFields).isNotNull())
                .fetchOptional(r -> new Touch(r.value1(), r.value2(), r.value3()));
    }

    private static <R extends org.jooq.Record> UpdateSetMoreStep<R> set(
            UpdateSetMoreStep<R> update, TouchFields fields, Touch touch) {
        return update.set(campaign(fields), touch.campaign()).set(at(fields), touch.at());
    }

    private static Field<String> channel(TouchFields fields) {
        return field(name(fields.channelColumn()), String.class);
    }

    private static Field<String> campaign(TouchFields fields) {
        return field(name(fields.campaignColumn()), String.class);
    }

    private static Field<OffsetDateTime> at(TouchFields fields) {
        return field(name(fields.atColumn()), OffsetDateTime.class);
    }
}
