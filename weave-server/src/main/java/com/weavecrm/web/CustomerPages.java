package com.weavecrm.web;

import com.weavecrm.customer.Customer360;
import com.weavecrm.platform.records.ListRequest;
import com.weavecrm.platform.records.RecordPage;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The customer 360 page: the whole view from {@link Customer360} in one call (profile, owner, store,
 * tags, contacts, deals by stage, open tasks, tickets, the newest activities), then older activities
 * by htmx "more".
 */
@Controller
@RequestMapping("/customers/{id}")
class CustomerPages {

    static final int ACTIVITIES = 20;

    private final Customer360 customers;
    private final RecordService records;
    private final ObjectFields objects;
    private final CellFormatter cells;
    private final MergedRecords merged;

    CustomerPages(
            Customer360 customers,
            RecordService records,
            ObjectFields objects,
            CellFormatter cells,
            MergedRecords merged) {
        this.customers = customers;
        this.records = records;
        this.objects = objects;
        this.cells = cells;
        this.merged = merged;
    }

    @GetMapping
    @SuppressWarnings("unchecked")
    ModelAndView view(TenantContext ctx, @PathVariable UUID id, @RequestParam(required = false) UUID merge) {
        ObjectFields.Fields fields = objects.of(ctx, "customer");
        Map<String, Object> view;
        try {
            view = customers.of(ctx, id, null, ACTIVITIES);
        } catch (ApiException e) {
            return merged.redirectOrThrow(ctx, "customer", id, e, "/customers/");
        }
        Map<String, Object> customer = (Map<String, Object>) view.get("customer");
        CellFormatter.Context context = cells.context(ctx, fields.all(), Map.of());
        ModelAndView page = new ModelAndView("customers/360");
        page.addObject("section", "records:customer");
        page.addObject("id", id);
        page.addObject("c", view);
        page.addObject("canMerge", merged.canMerge(ctx, "customer"));
        page.addObject("undoMerge", merged.undoable(ctx, merge, id).orElse(null));
        page.addObject("customerName", fields.title(customer));
        page.addObject("profile", cells.cells(fields.all(), customer, context));
        page.addObject("labels", fields.labels());
        page.addObject("profileFields", List.of("kind", "phone", "email", "wechatId", "company", "region", "channel"));
        page.addObject("currency", context.currency());
        page.addObject("zone", context.zone());
        page.addObject("contacts", rows(ctx, "contact", (List<Map<String, Object>>) view.get("contacts")));
        Map<String, Object> deals = (Map<String, Object>) view.get("deals");
        page.addObject(
                "deals", deals == null ? null : rows(ctx, "deal", (List<Map<String, Object>>) deals.get("data")));
        page.addObject(
                "stages",
                deals == null
                        ? List.of()
                        : stages((List<Map<String, Object>>) deals.get("byStage"), context.currency()));
        page.addObject("tasks", rows(ctx, "task", (List<Map<String, Object>>) view.get("tasks")));
        page.addObject("tickets", rows(ctx, "ticket", (List<Map<String, Object>>) view.get("tickets")));
        activities(ctx, page, (RecordPage) view.get("activities"));
        return page;
    }

    /** Older activities of the timeline, for htmx's "more" button. */
    @GetMapping("/activities")
    ModelAndView activities(TenantContext ctx, @PathVariable UUID id, @RequestParam String cursor) {
        objects.of(ctx, "customer");
        records.get(ctx, "customer", id);
        RecordPage page = records.list(
                ctx,
                "activity",
                new ListRequest("customerId == \"" + id + "\"", "-occurredAt", null, ACTIVITIES, cursor, false));
        ModelAndView fragment = new ModelAndView("customers/360 :: activities");
        fragment.addObject("id", id);
        activities(ctx, fragment, page);
        return fragment;
    }

    private void activities(TenantContext ctx, ModelAndView page, RecordPage activities) {
        if (activities == null) {
            return;
        }
        ObjectFields.Fields fields = objects.of(ctx, "activity");
        CellFormatter.Context context = cells.context(ctx, fields.all(), Map.of());
        page.addObject(
                "timeline",
                activities.data().stream()
                        .map(a -> new TimelineItem(
                                String.valueOf(a.get("id")),
                                String.valueOf(a.get("kind")),
                                cells.cells(fields.all(), a, context)))
                        .toList());
        page.addObject("activitiesCursor", activities.nextCursor());
    }

    /** Related records formatted for their table (null when the caller may not read the object). */
    private List<Item> rows(TenantContext ctx, String object, List<Map<String, Object>> data) {
        if (data == null) {
            return null;
        }
        ObjectFields.Fields fields = objects.of(ctx, object);
        CellFormatter.Context context = cells.context(ctx, fields.all(), Map.of());
        return data.stream()
                .map(r -> new Item(String.valueOf(r.get("id")), fields.title(r), cells.cells(fields.all(), r, context)))
                .toList();
    }

    private static List<Stage> stages(List<Map<String, Object>> byStage, String currency) {
        return byStage.stream()
                .map(s -> new Stage(
                        String.valueOf(s.get("stage")),
                        ((Number) s.get("count")).intValue(),
                        CellFormatter.money(
                                String.valueOf(s.get("amount")), currency, LocaleContextHolder.getLocale())))
                .toList();
    }

    /** Deals of one stage: how many and their total amount. */
    record Stage(String stage, int count, String amount) {}

    /** A related record: its id, title and formatted values. */
    record Item(String id, String title, Map<String, Cell> cells) {}

    /** One activity of the timeline: its kind (for the icon) and its formatted values. */
    record TimelineItem(String id, String kind, Map<String, Cell> cells) {}
}
