package com.weavecrm.customer;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.organisation.UserDirectory;
import com.weavecrm.platform.records.RecordPage;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.springframework.stereotype.Service;

/**
 * The 360° view of one customer in one call: profile, owner and store, contacts, deals by stage, the
 * activity timeline (newest first, paginated), open tasks, tickets, tags and scores. Each part is
 * one query limited to the caller's scope and fields; a part the caller may not read is absent.
 */
@Service
public class Customer360 {

    private static final int CONTACTS = 50;
    private static final int DEALS = 100;
    private static final int TASKS = 50;
    private static final int TICKETS = 50;

    private final RecordService records;
    private final PermissionService permissions;
    private final UserDirectory users;
    private final TenantTx tx;

    public Customer360(RecordService records, PermissionService permissions, UserDirectory users, TenantTx tx) {
        this.records = records;
        this.permissions = permissions;
        this.users = users;
        this.tx = tx;
    }

    /** The whole view, read in one transaction: one snapshot, one connection, a bounded number of queries. */
    public Map<String, Object> of(TenantContext ctx, UUID customerId, String activityCursor, int activityLimit) {
        return tx.call(ctx, dsl -> view(ctx, customerId, activityCursor, activityLimit));
    }

    private Map<String, Object> view(TenantContext ctx, UUID customerId, String activityCursor, int activityLimit) {
        Map<String, Object> customer = records.get(ctx, CustomerRules.OBJECT, customerId);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("customer", customer);
        view.put("cid", customer.get("cid"));
        view.put(
                "owner",
                Optional.ofNullable(customer.get("ownerId"))
                        .map(id -> users.summary(ctx, UUID.fromString(id.toString())))
                        .orElse(null));
        view.put("store", store(ctx, customer.get("storeId")));
        Condition ofCustomer = field(name("customer_id"), UUID.class).eq(customerId);
        view.put(
                "contacts",
                readable(ctx, "contact")
                        ? records.related(ctx, "contact", ofCustomer, "name", CONTACTS, null)
                                .data()
                        : null);
        view.put(
                "deals",
                readable(ctx, "deal")
                        ? deals(records.related(ctx, "deal", ofCustomer, "-createdAt", DEALS, null)
                                .data())
                        : null);
        view.put(
                "activities",
                readable(ctx, "activity") ? activities(ctx, customerId, activityCursor, activityLimit) : null);
        view.put(
                "tasks",
                readable(ctx, "task")
                        ? records.related(
                                        ctx,
                                        "task",
                                        field(name("related_object"))
                                                .eq(CustomerRules.OBJECT)
                                                .and(field(name("related_id")).eq(customerId.toString()))
                                                .and(field(name("status")).eq("open")),
                                        "dueAt",
                                        TASKS,
                                        null)
                                .data()
                        : null);
        view.put(
                "tickets",
                readable(ctx, "ticket")
                        ? records.related(ctx, "ticket", ofCustomer, "-createdAt", TICKETS, null)
                                .data()
                        : null);
        view.put("tags", customer.getOrDefault("tags", List.of()));
        view.put("scores", Map.of());
        return view;
    }

    private boolean readable(TenantContext ctx, String object) {
        return permissions.can(ctx, object, Action.READ);
    }

    private Object store(TenantContext ctx, Object storeId) {
        if (storeId == null || !readable(ctx, "store")) {
            return null;
        }
        try {
            Map<String, Object> store = records.get(ctx, "store", UUID.fromString(storeId.toString()));
            return Map.of("id", store.get("id"), "name", String.valueOf(store.get("name")));
        } catch (ApiException e) {
            return null;
        }
    }

    private RecordPage activities(TenantContext ctx, UUID customerId, String cursor, int limit) {
        return records.related(
                ctx, "activity", field(name("customer_id"), UUID.class).eq(customerId), "-occurredAt", limit, cursor);
    }

    /** Deals, and the same deals grouped by stage with their count and total amount. */
    private static Map<String, Object> deals(List<Map<String, Object>> deals) {
        Map<String, Map<String, Object>> byStage = new LinkedHashMap<>();
        for (Map<String, Object> deal : deals) {
            String stage = deal.get("stage") == null ? "" : deal.get("stage").toString();
            Map<String, Object> group = byStage.computeIfAbsent(
                    stage,
                    s -> new LinkedHashMap<>(Map.of("stage", s, "count", 0, "amount", java.math.BigDecimal.ZERO)));
            group.put("count", (Integer) group.get("count") + 1);
            if (deal.get("amount") != null) {
                group.put(
                        "amount",
                        ((java.math.BigDecimal) group.get("amount"))
                                .add(new java.math.BigDecimal(deal.get("amount").toString())));
            }
        }
        byStage.values().forEach(g -> g.put("amount", ((java.math.BigDecimal) g.get("amount")).toPlainString()));
        return Map.of("data", deals, "byStage", List.copyOf(byStage.values()));
    }
}
