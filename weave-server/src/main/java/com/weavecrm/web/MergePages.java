package com.weavecrm.web;

import com.weavecrm.merge.MergeRequest;
import com.weavecrm.merge.MergeResult;
import com.weavecrm.merge.RecordMerges;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.search.SearchService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Merging customers: pick the duplicates (a search over customers), compare them side by side, choose
 * the survivor and each field's value, merge; the survivor's page then offers to undo it.
 */
@Controller
@RequestMapping("/customers/merge")
class MergePages {

    static final String OBJECT = "customer";
    private static final int SEARCH_HITS = 20;

    private final RecordMerges merges;
    private final RecordService records;
    private final SearchService search;
    private final PermissionService permissions;
    private final ObjectFields objects;
    private final MergeComparison comparison;
    private final MessageSource messages;
    private final MergeForm mergeForm;

    MergePages(
            RecordMerges merges,
            RecordService records,
            SearchService search,
            PermissionService permissions,
            ObjectFields objects,
            MergeComparison comparison,
            MessageSource messages,
            MergeForm mergeForm) {
        this.merges = merges;
        this.records = records;
        this.search = search;
        this.permissions = permissions;
        this.objects = objects;
        this.comparison = comparison;
        this.messages = messages;
        this.mergeForm = mergeForm;
    }

    @GetMapping
    ModelAndView compare(
            TenantContext ctx,
            @RequestParam String ids,
            @RequestParam(required = false) UUID survivor,
            @RequestParam(required = false) String q) {
        List<UUID> chosen = ids(ids);
        ModelAndView page = page(ctx, chosen, survivor == null ? chosen.get(0) : survivor);
        if (q != null && !q.isBlank() && chosen.size() <= MergeRequest.MAX_MERGED) {
            page.addObject("q", q);
            page.addObject(
                    "hits",
                    search.search(ctx, q, SEARCH_HITS).stream()
                            .filter(h -> OBJECT.equals(h.object()) && !chosen.contains(h.id()))
                            .toList());
        }
        return page;
    }

    @PostMapping
    ModelAndView merge(
            TenantContext ctx,
            @RequestParam String ids,
            @RequestParam UUID survivor,
            @RequestParam Map<String, String> form) {
        List<UUID> chosen = ids(ids);
        if (!chosen.contains(survivor)) {
            throw ApiException.notFound();
        }
        requireRights(ctx);
        try {
            MergeResult result = merges.merge(ctx, mergeForm.read(ctx, OBJECT, chosen, survivor, form));
            return new ModelAndView("redirect:/customers/" + survivor + "?toast=merged&merge="
                    + result.merge().id());
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.CONFLICT) {
                throw e;
            }
            return FormErrors.attach(page(ctx, chosen, survivor), e, messages);
        }
    }

    @PostMapping("/{mergeId}/undo")
    ModelAndView undo(TenantContext ctx, @PathVariable UUID mergeId) {
        MergeResult result = merges.undo(ctx, mergeId);
        return new ModelAndView("redirect:/customers/" + result.merge().survivorId() + "?toast=merge_undone");
    }

    private ModelAndView page(TenantContext ctx, List<UUID> chosen, UUID survivor) {
        requireRights(ctx);
        ObjectFields.Fields fields = objects.of(ctx, OBJECT);
        List<Map<String, Object>> shown = new ArrayList<>();
        chosen.forEach(id -> shown.add(records.get(ctx, OBJECT, id)));
        ModelAndView page = new ModelAndView("customers/merge");
        page.addObject("section", "records:" + OBJECT);
        page.addObject(
                "ids", String.join(",", chosen.stream().map(UUID::toString).toList()));
        page.addObject(
                "survivor",
                chosen.contains(survivor) ? survivor.toString() : chosen.get(0).toString());
        page.addObject("canAdd", chosen.size() <= MergeRequest.MAX_MERGED);
        page.addObject("comparison", chosen.size() < 2 ? null : comparison.of(ctx, fields, shown, survivor));
        return page;
    }

    private void requireRights(TenantContext ctx) {
        objects.of(ctx, OBJECT);
        permissions.require(ctx, OBJECT, Action.UPDATE);
        permissions.require(ctx, OBJECT, Action.DELETE);
    }

    /** The customers of the page, in order, without repeats; a malformed list names nothing (404). */
    private static List<UUID> ids(String ids) {
        LinkedHashSet<UUID> parsed = new LinkedHashSet<>();
        for (String id : ids.split(",")) {
            if (!id.isBlank()) {
                parsed.add(parse(id.strip()));
            }
        }
        if (parsed.isEmpty() || parsed.size() > MergeRequest.MAX_MERGED + 1) {
            throw ApiException.notFound();
        }
        return List.copyOf(parsed);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound();
        }
    }
}
