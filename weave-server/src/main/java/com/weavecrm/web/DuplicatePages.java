package com.weavecrm.web;

import com.weavecrm.dedupe.DedupeScans;
import com.weavecrm.dedupe.DedupeSettingsService;
import com.weavecrm.dedupe.Evidence;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Duplicates in the UI: start a batch scan of customers, contacts or leads, watch it run, read the pairs
 * it found with the reasons in the user's language, and open the merge page for a pair of customers.
 */
@Controller
class DuplicatePages {

    private static final int PAGE = 50;

    private final DedupeScans scans;
    private final RecordService records;
    private final MessageSource messages;

    DuplicatePages(DedupeScans scans, RecordService records, MessageSource messages) {
        this.scans = scans;
        this.records = records;
        this.messages = messages;
    }

    /** One side of a pair as the table shows it. */
    record Side(UUID id, String name, String detail, String href) {}

    /** A pair: both sides, the score and the reasons as sentences. */
    record Row(Side a, Side b, double score, List<String> reasons, String mergeHref) {}

    @GetMapping("/duplicates")
    ModelAndView index(TenantContext ctx) {
        ModelAndView page = new ModelAndView("duplicates/index");
        page.addObject("section", "duplicates");
        page.addObject(
                "objects", DedupeSettingsService.OBJECTS.stream().sorted().toList());
        return page;
    }

    @PostMapping("/duplicates/scans")
    ModelAndView start(TenantContext ctx, @RequestParam String object) {
        DedupeScans.Scan scan = scans.start(ctx, object);
        return new ModelAndView("redirect:/duplicates/scans/" + scan.id());
    }

    @GetMapping("/duplicates/scans/{id}")
    ModelAndView scan(TenantContext ctx, @PathVariable UUID id, @RequestParam(required = false) String cursor) {
        DedupeScans.Scan scan = scans.get(ctx, id);
        ModelAndView page = new ModelAndView("duplicates/index");
        page.addObject("section", "duplicates");
        page.addObject(
                "objects", DedupeSettingsService.OBJECTS.stream().sorted().toList());
        page.addObject("scan", scan);
        if (scan.status().equals("done")) {
            DedupeScans.PairPage pairs = scans.pairs(ctx, id, cursor, PAGE);
            page.addObject(
                    "rows",
                    pairs.data().stream().map(p -> row(ctx, scan.object(), p)).toList());
            page.addObject("nextCursor", pairs.nextCursor());
        }
        return page;
    }

    private Row row(TenantContext ctx, String object, DedupeScans.Pair pair) {
        List<String> reasons = pair.reasons().stream()
                .filter(e -> e.weight() != 0)
                .map(e -> sentence(ctx, e))
                .toList();
        String merge = "customer".equals(object) ? "/customers/merge?ids=" + pair.a() + "," + pair.b() : null;
        return new Row(side(ctx, object, pair.a()), side(ctx, object, pair.b()), pair.score(), reasons, merge);
    }

    private Side side(TenantContext ctx, String object, UUID id) {
        String href = "customer".equals(object) ? "/customers/" + id : "/records/" + object + "/" + id;
        try {
            Map<String, Object> record = records.get(ctx, object, id);
            Map<String, Object> shown = new LinkedHashMap<>();
            for (String field : List.of("company", "phone", "email", "wechatId")) {
                if (record.get(field) != null) {
                    shown.put(field, record.get(field));
                }
            }
            return new Side(
                    id,
                    String.valueOf(record.getOrDefault("name", id)),
                    String.join(
                            " · ", shown.values().stream().map(String::valueOf).toList()),
                    href);
        } catch (ApiException e) {
            // merged or deleted since the scan: shown by id
            return new Side(id, id.toString(), "", href);
        }
    }

    private String sentence(TenantContext ctx, Evidence e) {
        String text = messages.getMessage("dedupe.reason." + e.code(), null, e.code(), ctx.locale());
        return (e.weight() > 0 ? "+ " : "− ") + text;
    }
}
