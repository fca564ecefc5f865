package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
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
 * Inline editing of one field of a record: htmx swaps its value for an input and back; the save
 * carries the version the input was opened with as If-Match, so a change made meanwhile by someone
 * else is refused with a "reload" message. Without JavaScript the same links and forms work as pages.
 */
@Controller
@RequestMapping("/records/{object}/{id}/fields/{field}")
class RecordFieldEdits {

    private final ObjectFields objects;
    private final RecordView view;
    private final RecordPageModel pages;
    private final RecordWriter writer;
    private final CellFormatter cells;
    private final MessageSource messages;
    private final JsonMapper json;

    RecordFieldEdits(
            ObjectFields objects,
            RecordView view,
            RecordPageModel pages,
            RecordWriter writer,
            CellFormatter cells,
            MessageSource messages,
            JsonMapper json) {
        this.objects = objects;
        this.view = view;
        this.pages = pages;
        this.writer = writer;
        this.cells = cells;
        this.messages = messages;
        this.json = json;
    }

    /** The input of one field, swapped in place of its value. */
    @GetMapping
    ModelAndView edit(
            TenantContext ctx, @PathVariable String object, @PathVariable UUID id, @PathVariable String field) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        FieldView editing = writable(fields, field);
        RecordView.Shown shown = view.of(ctx, fields, id);
        return pages.field(ctx, fields, shown, editing, true, shown.inputs());
    }

    /** The value of one field again (cancelling an edit). */
    @GetMapping("/value")
    ModelAndView value(
            TenantContext ctx, @PathVariable String object, @PathVariable UUID id, @PathVariable String field) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        FieldView shownField = fields.get(field);
        if (shownField == null) {
            throw ApiException.notFound();
        }
        RecordView.Shown shown = view.of(ctx, fields, id);
        return pages.field(ctx, fields, shown, shownField, false, shown.inputs());
    }

    /** Saves the field; a stale version or a bad value keeps the input open with the message. */
    @PostMapping
    ModelAndView save(
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
            return pages.field(ctx, fields, shown, editing, false, shown.inputs());
        } catch (ApiException e) {
            if (e.status() == HttpStatus.FORBIDDEN || e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            return refused(ctx, fields, id, editing, params, e, htmx);
        }
    }

    private ModelAndView refused(
            TenantContext ctx,
            ObjectFields.Fields fields,
            UUID id,
            FieldView editing,
            MultiValueMap<String, String> params,
            ApiException problem,
            boolean htmx) {
        RecordView.Shown shown = view.of(ctx, fields, id);
        Map<String, Object> inputs = new HashMap<>(shown.inputs());
        inputs.putAll(FormValues.echo(List.of(editing), params));
        ModelAndView target =
                htmx ? pages.field(ctx, fields, shown, editing, true, inputs) : pages.page(ctx, fields, shown, editing);
        target.addObject("form", inputs);
        target.addObject("stale", "problem.stale_version".equals(problem.messageKey()));
        target.addObject("postedVersion", params.getFirst("version"));
        FormErrors.attach(target, problem, messages);
        if (htmx) {
            target.setStatus(HttpStatus.OK); // htmx swaps only successful answers
        }
        return target;
    }

    private static FieldView writable(ObjectFields.Fields fields, String field) {
        FieldView view = RecordView.writableOrNull(fields, field);
        if (view == null) {
            throw ApiException.notFound();
        }
        return view;
    }
}
