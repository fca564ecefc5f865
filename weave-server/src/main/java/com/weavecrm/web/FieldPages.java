package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDesigner;
import com.weavecrm.platform.metadata.ObjectViews;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** The field editor: add a field to an object, change one, delete a custom one. */
@Controller
@RequestMapping("/admin/objects/{object}/fields")
class FieldPages {

    private final ObjectDesigner designer;
    private final MetadataService metadata;
    private final ObjectViews views;
    private final FieldEditorOptions options;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    FieldPages(
            ObjectDesigner designer,
            MetadataService metadata,
            ObjectViews views,
            FieldEditorOptions options,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.designer = designer;
        this.metadata = metadata;
        this.views = views;
        this.options = options;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/new")
    ModelAndView newField(TenantContext ctx, @PathVariable String object) {
        permissions.require(ctx, ObjectNames.METADATA, Action.CREATE);
        return formPage(ctx, object, null, FieldForm.blank(), null);
    }

    @PostMapping
    ModelAndView create(TenantContext ctx, @PathVariable String object, @RequestParam Map<String, String> params) {
        FieldForm form = FieldForm.posted(params);
        try {
            FieldDef field = designer.addField(
                    ctx, object, FieldDefinitionBody.create(form).json(json));
            return done(object, field.apiName(), "field_created");
        } catch (ApiException e) {
            return refused(ctx, object, null, form, e);
        }
    }

    @GetMapping("/{field}")
    ModelAndView edit(TenantContext ctx, @PathVariable String object, @PathVariable String field) {
        FieldDef def = existing(ctx, object, field);
        return formPage(ctx, object, def, FieldForm.of(def), null);
    }

    @PostMapping("/{field}")
    ModelAndView update(
            TenantContext ctx,
            @PathVariable String object,
            @PathVariable String field,
            @RequestParam Map<String, String> params) {
        FieldDef def = existing(ctx, object, field);
        FieldForm form = FieldForm.posted(params);
        try {
            designer.updateField(
                    ctx, object, field, FieldDefinitionBody.update(form).json(json));
            return done(object, field, "field_saved");
        } catch (ApiException e) {
            return refused(ctx, object, def, form, e);
        }
    }

    @PostMapping("/{field}/delete")
    ModelAndView delete(TenantContext ctx, @PathVariable String object, @PathVariable String field) {
        designer.deleteField(ctx, object, field);
        return new ModelAndView("redirect:/admin/objects/" + object + "?toast=field_deleted");
    }

    private FieldDef existing(TenantContext ctx, String object, String field) {
        permissions.require(ctx, ObjectNames.METADATA, Action.READ);
        return metadata.object(ctx, object).field(field).orElseThrow(ApiException::notFound);
    }

    private static ModelAndView done(String object, String field, String toast) {
        return new ModelAndView("redirect:/admin/objects/" + object + "?toast=" + toast + "#field-" + field);
    }

    private ModelAndView refused(TenantContext ctx, String object, FieldDef def, FieldForm form, ApiException e) {
        if (e.status().value() == 403 || e.status().value() == 404) {
            throw e;
        }
        return formPage(ctx, object, def, form, e);
    }

    private ModelAndView formPage(
            TenantContext ctx, String object, FieldDef field, FieldForm form, ApiException problem) {
        MetadataRights rights = MetadataRights.require(permissions, ctx);
        ModelAndView page = new ModelAndView("admin/field-form");
        page.addObject("section", "objects");
        page.addObject("object", views.one(ctx, object));
        page.addObject("field", field);
        page.addObject("form", form);
        page.addObject("options", options.of(ctx, object));
        page.addObject("canSave", field == null ? rights.create() : rights.update());
        return FormErrors.attach(page, problem, messages);
    }
}
