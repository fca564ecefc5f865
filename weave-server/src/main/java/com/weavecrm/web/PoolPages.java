package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.pool.PoolPage;
import com.weavecrm.pool.PooledRecord;
import com.weavecrm.pool.Pools;
import com.weavecrm.pool.PublicPool;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * 公海 for those who claim: the pools they may claim from, and one pool's records — the fields they
 * may read, when and why each came back — with a claim button and the claims left today.
 */
@Controller
@RequestMapping("/pools")
class PoolPages {

    static final int PAGE_SIZE = 50;
    private static final int COLUMNS = 5;

    private final Pools pools;
    private final PublicPool pool;
    private final ObjectFields objects;
    private final RecordNames names;
    private final CellFormatter cells;
    private final MessageSource messages;

    PoolPages(
            Pools pools,
            PublicPool pool,
            ObjectFields objects,
            RecordNames names,
            CellFormatter cells,
            MessageSource messages) {
        this.pools = pools;
        this.pool = pool;
        this.objects = objects;
        this.names = names;
        this.cells = cells;
        this.messages = messages;
    }

    /** A row of a pool's table: the record, its title and formatted values, and its time in the pool. */
    record Row(String id, String title, Map<String, Cell> cells, OffsetDateTime enteredAt, String reason) {}

    @GetMapping
    ModelAndView index(TenantContext ctx) {
        ModelAndView page = new ModelAndView("pools/index");
        page.addObject("section", "pools");
        page.addObject("pools", pools.list(ctx));
        page.addObject("canManage", pools.canManage(ctx));
        return page;
    }

    @GetMapping("/{id}")
    ModelAndView show(TenantContext ctx, @PathVariable UUID id, @RequestParam(required = false) String cursor) {
        return page(ctx, id, cursor, null);
    }

    @PostMapping("/{id}/records/{recordId}/claim")
    ModelAndView claim(TenantContext ctx, @PathVariable UUID id, @PathVariable UUID recordId) {
        try {
            pool.claim(ctx, id, recordId);
            String object = pools.get(ctx, id).pool().object();
            return new ModelAndView("redirect:/records/" + object + "/" + recordId + "?toast=pool_claimed");
        } catch (ApiException e) {
            if (e.status() == HttpStatus.CONFLICT || e.status() == HttpStatus.UNPROCESSABLE_CONTENT) {
                return page(ctx, id, null, e);
            }
            throw e;
        }
    }

    private ModelAndView page(TenantContext ctx, UUID id, String cursor, ApiException problem) {
        PoolPage result = pool.records(ctx, id, cursor, PAGE_SIZE);
        ObjectFields.Fields fields = objects.of(ctx, result.pool().pool().object());
        List<FieldView> columns = columns(fields);
        List<Map<String, Object>> records =
                result.data().stream().map(PooledRecord::record).toList();
        CellFormatter.Context context = cells.context(ctx, columns, names.of(ctx, columns, records));
        List<Row> rows = result.data().stream()
                .map(r -> new Row(
                        String.valueOf(r.record().get("id")),
                        fields.title(r.record()),
                        cells.cells(columns, r.record(), context),
                        r.enteredAt(),
                        r.reason()))
                .toList();
        ModelAndView page = new ModelAndView("pools/pool");
        page.addObject("section", "pools");
        page.addObject("summary", result.pool());
        page.addObject("objectView", fields.object());
        page.addObject("columns", columns);
        page.addObject("rows", rows);
        page.addObject("nextCursor", result.nextCursor());
        page.addObject("firstPage", Body.blank(cursor));
        return FormErrors.attach(page, problem, messages);
    }

    /** The field naming a record and the next few the caller may read. */
    private static List<FieldView> columns(ObjectFields.Fields fields) {
        List<FieldView> columns = new ArrayList<>();
        columns.add(fields.get(fields.nameField()));
        fields.object().fields().stream()
                .filter(f -> !f.apiName().equals(fields.nameField()) && !"long_text".equals(f.type()))
                .limit(COLUMNS - 1)
                .forEach(columns::add);
        return columns.stream().filter(f -> f != null).toList();
    }
}
