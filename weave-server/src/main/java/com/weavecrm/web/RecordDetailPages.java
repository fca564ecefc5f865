package com.weavecrm.web;

import com.weavecrm.platform.audit.AuditPage;
import com.weavecrm.platform.records.RecordHistory;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.pool.PublicPool;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A record's page: its fields by the form layout's sections (edited in place, see {@link
 * RecordFieldEdits}), its history, delete to the recycle bin and restore.
 */
@Controller
@RequestMapping("/records/{object}/{id}")
class RecordDetailPages {

    private static final int HISTORY_PAGE = 50;

    private final ObjectFields objects;
    private final RecordView view;
    private final RecordPageModel pages;
    private final RecordWriter writer;
    private final RecordHistory history;
    private final AuditRows auditRows;
    private final MergedRecords merged;
    private final PublicPool pools;

    RecordDetailPages(
            ObjectFields objects,
            RecordView view,
            RecordPageModel pages,
            RecordWriter writer,
            RecordHistory history,
            AuditRows auditRows,
            MergedRecords merged,
            PublicPool pools) {
        this.objects = objects;
        this.view = view;
        this.pages = pages;
        this.writer = writer;
        this.history = history;
        this.auditRows = auditRows;
        this.merged = merged;
        this.pools = pools;
    }

    @GetMapping
    ModelAndView show(
            TenantContext ctx,
            @PathVariable String object,
            @PathVariable UUID id,
            @RequestParam(required = false) String edit,
            @RequestParam(required = false) String tab,
            @RequestParam(required = false) String cursor) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        RecordView.Shown shown;
        try {
            shown = view.of(ctx, fields, id);
        } catch (ApiException e) {
            return merged.redirectOrThrow(ctx, object, id, e, "/records/" + object + "/");
        }
        ModelAndView page = pages.page(ctx, fields, shown, RecordView.writableOrNull(fields, edit));
        if ("history".equals(tab)) {
            AuditPage entries = history.of(ctx, object, id, cursor, HISTORY_PAGE);
            page.addObject("history", auditRows.of(ctx, entries.data()));
            page.addObject("historyCursor", entries.nextCursor());
            page.addObject("tab", "history");
        }
        page.addObject("canMerge", "customer".equals(object) && merged.canMerge(ctx, object));
        page.addObject(
                "poolTargets", shown.record().get("ownerId") == null ? List.of() : pools.returnTargets(ctx, object));
        return page;
    }

    /** Returns the record to a public pool (公海): it loses its owner, so the list is where to go next. */
    @PostMapping("/return-to-pool")
    ModelAndView returnToPool(
            TenantContext ctx,
            @PathVariable String object,
            @PathVariable UUID id,
            @RequestParam UUID poolId,
            @RequestParam(required = false) String reason) {
        objects.of(ctx, object);
        pools.returnRecords(ctx, poolId, object, List.of(id), Body.blank(reason) ? null : reason.strip());
        return new ModelAndView("redirect:/records/" + object + "?toast=returned_to_pool");
    }

    @PostMapping("/delete")
    ModelAndView delete(TenantContext ctx, @PathVariable String object, @PathVariable UUID id) {
        objects.of(ctx, object);
        writer.delete(ctx, object, id);
        return new ModelAndView("redirect:/records/" + object + "?toast=record_deleted&restore=" + id);
    }

    @PostMapping("/restore")
    ModelAndView restore(TenantContext ctx, @PathVariable String object, @PathVariable UUID id) {
        objects.of(ctx, object);
        writer.restore(ctx, object, id);
        return new ModelAndView("redirect:/records/" + object + "/" + id + "?toast=record_restored");
    }
}
