package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** Creating a record through the form its object's layout describes. */
@Controller
@RequestMapping("/records/{object}")
class RecordFormPages {

    private final ObjectFields objects;
    private final FormSections sections;
    private final LookupChoices choices;
    private final RecordWriter writer;
    private final PermissionService permissions;
    private final CellFormatter cells;
    private final MessageSource messages;
    private final JsonMapper json;

    RecordFormPages(
            ObjectFields objects,
            FormSections sections,
            LookupChoices choices,
            RecordWriter writer,
            PermissionService permissions,
            CellFormatter cells,
            MessageSource messages,
            JsonMapper json) {
        this.objects = objects;
        this.sections = sections;
        this.choices = choices;
        this.writer = writer;
        this.permissions = permissions;
        this.cells = cells;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/new")
    ModelAndView newRecord(TenantContext ctx, @PathVariable String object) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        permissions.require(ctx, object, Action.CREATE);
        return form(ctx, fields, new HashMap<>(), null);
    }

    @PostMapping
    ModelAndView create(
            TenantContext ctx, @PathVariable String object, @RequestParam MultiValueMap<String, String> params) {
        ObjectFields.Fields fields = objects.of(ctx, object);
        List<FieldView> writable = fields.object().fields();
        try {
            Map<String, Object> created = writer.create(
                    ctx,
                    object,
                    FormValues.forCreate(writable, params, cells.zone(ctx)).json(json));
            return new ModelAndView("redirect:/records/" + object + "/" + created.get("id") + "?toast=record_created");
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            return form(ctx, fields, FormValues.echo(writable, params), e);
        }
    }

    private ModelAndView form(
            TenantContext ctx, ObjectFields.Fields fields, Map<String, Object> form, ApiException problem) {
        ModelAndView page = new ModelAndView("records/form");
        page.addObject("section", "records:" + fields.object().apiName());
        page.addObject("object", fields.object().apiName());
        page.addObject("objectView", fields.object());
        page.addObject("sections", sections.of(ctx, fields, form));
        page.addObject("form", form);
        page.addObject("choices", choices.of(ctx, fields.object().fields(), form, Map.of()));
        page.addObject(
                "fieldNames",
                String.join(
                        ",",
                        fields.object().fields().stream()
                                .map(FieldView::apiName)
                                .toList()));
        return FormErrors.attach(page, problem, messages);
    }
}
