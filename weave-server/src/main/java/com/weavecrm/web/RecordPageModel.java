package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** Builds a record's page, or one field of it (its value or its input), for the record controllers. */
@Component
class RecordPageModel {

    private final FormSections sections;
    private final LookupChoices choices;
    private final PermissionService permissions;

    RecordPageModel(FormSections sections, LookupChoices choices, PermissionService permissions) {
        this.sections = sections;
        this.choices = choices;
        this.permissions = permissions;
    }

    /** The whole page, with {@code editing} (if any) shown as its input. */
    ModelAndView page(TenantContext ctx, ObjectFields.Fields fields, RecordView.Shown shown, FieldView editing) {
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
        page.addObject("choices", choicesOf(ctx, editing, shown));
        page.addObject("canUpdate", permissions.can(ctx, object, Action.UPDATE));
        page.addObject("canDelete", permissions.can(ctx, object, Action.DELETE));
        page.addObject("isCustomer", "customer".equals(object));
        page.addObject("tab", "details");
        return page;
    }

    /** One field of the page, as its value or (when {@code editing}) as its input showing {@code inputs}. */
    ModelAndView field(
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
        fragment.addObject("choices", choicesOf(ctx, editing ? field : null, shown));
        return fragment;
    }

    private Map<String, List<LookupChoices.Choice>> choicesOf(
            TenantContext ctx, FieldView editing, RecordView.Shown shown) {
        return editing == null ? Map.of() : choices.of(ctx, List.of(editing), shown.record(), shown.names());
    }
}
