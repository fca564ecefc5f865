package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.audit.AuditPage;
import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.records.RecordHistory;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's page: its fields by the form layout's sections, each edited in place (htmx swaps the
 * value for an input and back; the save carries the record's version as If-Match), its history,
 * delete to the recycle bin and restore. Without JavaScript the same links and forms work as pages.
 */
@Controller
@RequestMapping("/records/{object}/{id}")
class RecordDetailPages {

    private static final int HISTORY_PAGE = 50;

    private final ObjectFields objects;
    private final RecordView view;
    private final FormSections sections;
    private final LookupChoices choices;
    private final RecordWriter writer;
    private final RecordHistory history;
    private final AuditRows auditRows;
    private final PermissionService permissions;
    private final CellFormatter cells;
    private final MessageSource messages;
    private final JsonMapper json;

    RecordDetailPages(
            ObjectFields objects,
            RecordView view,
            FormSections sections,
            LookupChoices choices,
            RecordWriter writer,
            RecordHistory history,
            AuditRows auditRows,
            PermissionService permissions,
            CellFormatter cells,
            MessageSource messages,
            JsonMapper json) {
        this.objects = objects;
        this.view = view;
        this.sections = sections;
        this.choices = choices;
        this.writer = writer;
        this.history = history;
        this.auditRows = auditRows;
        this.permissions = permissions;
        this.cells = cells;
        this.messages = messages;
        this.json = json;
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
        RecordView.Shown shown = view.of(ctx, fields, id);
        ModelAndView page = page(ctx, fields, shown, RecordView.writableOrNull(fields, edit));
        if ("history".equals(tab)) {
            AuditPage entries = history.of(ctx, object, id, cursor, HISTORY_PAGE);
            page.addObject("history", auditRows.of(ctx, entries.data()));
            page.addObject("historyCursor", entries.nextCursor());
        }
        page.addObject("tab", "history".equals(tab) ? "history" : "details");
        return page;
    }

    /** The input of one field, swapped in place of its value. */
    @GetMapping("/fields/{field}")
    ModelAndView editField(
            TenantContext ctx, @PathVariable String object, @PathVariable UUID id, @PathVariable String field) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        FieldView editing = writable(fields, field);
        RecordView.Shown shown = view.of(ctx, fields, id);
        return fieldFragment(ctx, fields, shown, editing, true, shown.inputs());
    }

    /** The value of one field again (cancelling an edit). */
    @GetMapping("/fields/{field}/value")
    ModelAndView showField(
            TenantContext ctx, @PathVariable String object, @PathVariable UUID id, @PathVariable String field) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        FieldView shownField = fields.get(field);
        if (shownField == null) {
            throw ApiException.notFound();
        }
        RecordView.Shown shown = view.of(ctx, fields, id);
        return fieldFragment(ctx, fields, shown, shownField, false, shown.inputs());
    }

    /** Saves one field with the version the page was showing; a stale version or a bad value keeps the input open. */
    @PostMapping("/fields/{field}")
    ModelAndView saveField(
            TenantContext ctx,
            HttpServletRequest request,
            @PathVariable String object,
            @PathVariable UUID id,
            @PathVariable String field,
            @RequestParam MultiValueMap<String, String> params) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        FieldView editing = writable(fields, field);
        boolean htmx = request.getHeader("HX-Request") != null;
        try {
            Map<String, Object> saved = writer.update(
                    ctx,
                    object,
                    id,
                    FormValues.forField(editing, params, cells.zone(ctx)).json(json),
                    params.getFirst("version"));
            if (!htmx) {
                return new ModelAndView("redirect:/records/" + object + "/" + id + "?toast=record_saved");
            }
            RecordView.Shown shown = view.of(ctx, fields, saved);
            return fieldFragment(ctx, fields, shown, editing, false, shown.inputs());
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            RecordView.Shown shown = view.of(ctx, fields, id);
            Map<String, Object> inputs = new java.util.HashMap<>(shown.inputs());
            inputs.putAll(FormValues.echo(java.util.List.of(editing), params));
            ModelAndView target =
                    htmx ? fieldFragment(ctx, fields, shown, editing, true, inputs) : page(ctx, fields, shown, editing);
            target.addObject("form", inputs);
            target.addObject("stale", e.status().value() == 409);
            target.addObject("postedVersion", params.getFirst("version"));
            if (!htmx) {
                target.addObject("tab", "details");
            }
            FormErrors.attach(target, e, messages);
            if (htmx) {
                target.setStatus(HttpStatus.OK); // htmx swaps only successful answers
            }
            return target;
        }
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

    private ModelAndView page(
            TenantContext ctx, ObjectFields.Fields fields, RecordView.Shown shown, FieldView editing) {
        ModelAndView page = new ModelAndView("records/record");
        String object = fields.object().apiName();
        page.addObject("section", "records:" + object);
        page.addObject("object", object);
        page.addObject("objectView", fields.object());
        page.addObject("shown", shown);
        page.addObject("form", shown.inputs());
        page.addObject("sections", sections.of(ctx, fields, shown.record()));
        page.addObject("systemFields", fields.system());
        page.addObject("labels", fields.labels());
        page.addObject("editing", editing == null ? null : editing.apiName());
        page.addObject(
                "choices",
                editing == null
                        ? Map.of()
                        : choices.of(ctx, java.util.List.of(editing), shown.record(), shown.names()));
        page.addObject("canUpdate", permissions.can(ctx, object, Action.UPDATE));
        page.addObject("canDelete", permissions.can(ctx, object, Action.DELETE));
        page.addObject("isCustomer", "customer".equals(object));
        page.addObject("tab", "details");
        return page;
    }

    private ModelAndView fieldFragment(
            TenantContext ctx,
            ObjectFields.Fields fields,
            RecordView.Shown shown,
            FieldView field,
            boolean editing,
            Map<String, Object> inputs) {
        ModelAndView fragment = new ModelAndView("records/record :: field");
        fragment.addObject("object", fields.object().apiName());
        fragment.addObject("shown", shown);
        fragment.addObject("f", field);
        fragment.addObject("form", inputs);
        fragment.addObject("editing", editing ? field.apiName() : null);
        fragment.addObject("canUpdate", permissions.can(ctx, fields.object().apiName(), Action.UPDATE));
        fragment.addObject(
                "choices",
                editing ? choices.of(ctx, java.util.List.of(field), shown.record(), shown.names()) : Map.of());
        return fragment;
    }

    private static FieldView writable(ObjectFields.Fields fields, String field) {
        FieldView view = RecordView.writableOrNull(fields, field);
        if (view == null) {
            throw ApiException.notFound();
        }
        return view;
    }
}
