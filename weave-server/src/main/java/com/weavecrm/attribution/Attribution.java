package com.weavecrm.attribution;

import com.weavecrm.attribution.internal.AttributionRepository;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectCatalog;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Keeps the first and the latest touch of customers and deals, inside the caller's transaction. An
 * intake that reaches a customer is its latest touch (and its first when it created the customer);
 * the customer's open deals follow. New records start from their own channel (see the hooks).
 */
@Service
public class Attribution {

    /** Deals in these stages are closed: their latest touch stays as it was when they closed. */
    public static final Set<String> CLOSED_STAGES = Set.of("won", "lost");

    private final MetadataService metadata;
    private final AttributionRepository repository;
    private final Clock clock;

    public Attribution(MetadataService metadata, AttributionRepository repository, Clock clock) {
        this.metadata = metadata;
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * An intake reached the customer through {@code channel} (a picklist value; nothing happens
     * without one) for {@code campaign}; {@code newCustomer} when the intake created the customer.
     */
    public void intake(
            DSLContext dsl, TenantContext ctx, UUID customerId, String channel, String campaign, boolean newCustomer) {
        if (channel == null) {
            return;
        }
        Touch touch = new Touch(channel, campaign, now());
        ObjectCatalog catalog = metadata.catalog(ctx);
        ObjectDef customer = catalog.find("customer").orElseThrow();
        Optional<TouchFields> first = TouchFields.of(customer, TouchFields.FIRST);
        Optional<TouchFields> last = TouchFields.of(customer, TouchFields.LAST);
        if (first.isEmpty() || last.isEmpty()) {
            return;
        }
        repository.touchCustomer(
                dsl, ctx.tenant().table(customer.table()), first.get(), last.get(), customerId, touch, newCustomer);
        if (!newCustomer) { // a customer the intake has just created has no deals yet
            catalog.find("deal").ifPresent(deal -> touchOpenDeals(dsl, ctx, deal, customerId, touch));
        }
    }

    /** The customer's latest touch, if it has one. */
    public Optional<Touch> lastTouch(DSLContext dsl, TenantContext ctx, UUID customerId) {
        ObjectDef customer = metadata.object(ctx, "customer");
        return TouchFields.of(customer, TouchFields.LAST)
                .flatMap(last -> repository.lastTouch(dsl, ctx.tenant().table(customer.table()), last, customerId));
    }

    /** Now, by the product's clock. */
    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private void touchOpenDeals(DSLContext dsl, TenantContext ctx, ObjectDef deal, UUID customerId, Touch touch) {
        Optional<TouchFields> last = TouchFields.of(deal, TouchFields.LAST);
        Optional<String> customerColumn = deal.field("customerId").map(FieldDef::column);
        Optional<String> stageColumn = deal.field("stage").map(FieldDef::column);
        if (last.isPresent() && customerColumn.isPresent() && stageColumn.isPresent()) {
            repository.touchOpenDeals(
                    dsl,
                    ctx.tenant().table(deal.table()),
                    last.get(),
                    customerColumn.get(),
                    stageColumn.get(),
                    CLOSED_STAGES,
                    customerId,
                    touch);
        }
    }
}
