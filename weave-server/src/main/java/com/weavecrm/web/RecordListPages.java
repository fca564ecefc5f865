package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.records.ListView;
import com.weavecrm.platform.records.ListViews;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The list of an object's records: a sortable table with "more" rows, a column chooser, a filter
 * builder (turned into CEL here) with an advanced CEL box, saved views, and the kanban board.
 */
@Controller
@RequestMapping("/records/{object}")
class RecordListPages {

    private final ObjectFields objects;
    private final RecordTable table;
    private final KanbanBoard kanban;
    private final ListViews views;
    private final PermissionService permissions;
    private final UserFormOptions options;
    private final MessageSource messages;
    private final CellFormatter cells;

    RecordListPages(
            ObjectFields objects,
            RecordTable table,
            KanbanBoard kanban,
            ListViews views,
            PermissionService permissions,
            UserFormOptions options,
            MessageSource messages,
            CellFormatter cells) {
        this.cells = cells;
        this.objects = objects;
        this.table = table;
        this.kanban = kanban;
        this.views = views;
        this.permissions = permissions;
        this.options = options;
        this.messages = messages;
    }

    @GetMapping
    ModelAndView list(
            TenantContext ctx,
            @PathVariable String object,
            @RequestParam(required = false) UUID view,
            @RequestParam(required = false) List<String> col,
            @RequestParam(required = false) List<String> f,
            @RequestParam(required = false) List<String> op,
            @RequestParam(required = false) List<String> v,
            @RequestParam(required = false) String cel,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) UUID restore) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        ListState state = ListState.of(object, view, known(fields, col), f, op, v, cel, sort, mode, by);
        ModelAndView page = new ModelAndView("records/list");
        page.addObject("section", "records:" + object);
        List<ListView> saved = views.list(ctx, object);
        ListView selected =
                saved.stream().filter(s -> s.id().equals(view)).findFirst().orElse(null);
        if (view != null && selected == null) {
            throw ApiException.notFound();
        }
        List<FieldView> columns = table.columns(fields, state, selected);
        fill(ctx, page, fields, state, saved, selected, columns);
        String filter = filter(ctx, page, fields, state);
        if (filter == null && page.getModel().containsKey("filterProblem")) {
            return page;
        }
        page.addObject("saveFilter", FilterBuilder.and(selected == null ? null : selected.filter(), filter));
        try {
            if (state.kanban()) {
                page.addObject("board", kanban.of(ctx, fields, state, selected, columns, filter));
            } else {
                page.addObject("result", table.read(ctx, fields, columns, state, filter, null, RecordTable.PAGE_SIZE));
            }
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST) {
                throw e;
            }
            FormErrors.attach(page, e, messages);
        }
        page.addObject("restoreId", restore);
        return page;
    }

    /** The next rows of the table, for htmx's "more" button. */
    @GetMapping("/rows")
    ModelAndView rows(
            TenantContext ctx,
            @PathVariable String object,
            @RequestParam(required = false) UUID view,
            @RequestParam(required = false) List<String> col,
            @RequestParam(required = false) List<String> f,
            @RequestParam(required = false) List<String> op,
            @RequestParam(required = false) List<String> v,
            @RequestParam(required = false) String cel,
            @RequestParam(required = false) String sort,
            @RequestParam String cursor) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        ListState state = ListState.of(object, view, known(fields, col), f, op, v, cel, sort, null, null);
        ListView selected = view == null ? null : views.get(ctx, object, view);
        List<FieldView> columns = table.columns(fields, state, selected);
        ModelAndView page = new ModelAndView("records/list :: rows");
        page.addObject("object", object);
        page.addObject("state", state);
        page.addObject("columns", columns);
        page.addObject("firstPage", false);
        page.addObject("nameField", fields.nameField());
        String filter = filter(ctx, page, fields, state);
        page.addObject("result", table.read(ctx, fields, columns, state, filter, cursor, RecordTable.PAGE_SIZE));
        return page;
    }

    private String filter(TenantContext ctx, ModelAndView page, ObjectFields.Fields fields, ListState state) {
        FilterBuilder.Built built = FilterBuilder.build(
                state.conditions(), fields.byName(), RecordTable.lookupNames(objects, ctx, fields), cells.zone(ctx));
        if (!built.ok()) {
            page.addObject(
                    "filterProblem",
                    messages.getMessage(
                            built.problem(), new Object[] {built.problemField()}, LocaleContextHolder.getLocale()));
            page.setStatus(HttpStatus.BAD_REQUEST);
            return null;
        }
        String filter = FilterBuilder.and(built.filter(), state.advanced());
        page.addObject("builtFilter", built.filter());
        page.addObject("filter", filter);
        return filter;
    }

    private void fill(
            TenantContext ctx,
            ModelAndView page,
            ObjectFields.Fields fields,
            ListState state,
            List<ListView> saved,
            ListView selected,
            List<FieldView> columns) {
        page.addObject("object", fields.object().apiName());
        page.addObject("objectView", fields.object());
        page.addObject("fields", fields.all());
        page.addObject("nameField", fields.nameField());
        page.addObject("state", state);
        page.addObject("columns", columns);
        page.addObject("firstPage", true);
        page.addObject("operators", FilterBuilder.OPERATORS);
        page.addObject("picklists", fields.picklists());
        page.addObject("views", saved);
        page.addObject("selectedView", selected);
        page.addObject("canCreate", permissions.can(ctx, fields.object().apiName(), Action.CREATE));
        boolean canShare = permissions.can(ctx, ObjectNames.METADATA, Action.UPDATE);
        page.addObject("canShare", canShare);
        page.addObject("shareRoles", canShare ? options.roles(ctx) : List.of());
        page.addObject("shareUnits", canShare ? options.units(ctx) : List.of());
        page.addObject("canDeleteView", selected != null && (selected.ownerId().equals(ctx.userId()) || canShare));
        page.addObject("viewSort", selected == null ? null : selected.sort());
        page.addObject("labels", fields.labels());
    }

    /** Only columns the caller may see are kept in the list's address. */
    private static List<String> known(ObjectFields.Fields fields, List<String> columns) {
        return columns == null ? null : columns.stream().filter(fields::has).toList();
    }
}
