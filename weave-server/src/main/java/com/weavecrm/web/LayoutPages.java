package com.weavecrm.web;

import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.forms.FormLayouts;
import com.weavecrm.platform.metadata.ObjectViews;
import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.metadata.ObjectViews.ObjectView;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The form-layout designer. The page's script sends the whole arrangement as the API's JSON
 * ({@code {"sections":[...]}}) in one hidden input; {@link FormLayouts} validates and saves it.
 */
@Controller
@RequestMapping("/admin/objects/{object}/layout")
class LayoutPages {

    private final FormLayouts layouts;
    private final ObjectViews views;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    LayoutPages(
            FormLayouts layouts,
            ObjectViews views,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.layouts = layouts;
        this.views = views;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView designer(TenantContext ctx, @PathVariable String object) {
        MetadataRights rights = MetadataRights.require(permissions, ctx);
        ObjectView view = views.one(ctx, object);
        return page(view, rights, LayoutDraft.of(layouts.get(ctx, object), fields(view)), null);
    }

    @PostMapping
    ModelAndView save(TenantContext ctx, @PathVariable String object, @RequestParam String layout) {
        MetadataRights rights = MetadataRights.require(permissions, ctx);
        ObjectView view = views.one(ctx, object);
        JsonNode body;
        try {
            body = json.readTree(layout);
        } catch (JacksonException e) {
            throw ApiException.badRequest("layout", "malformed_json");
        }
        try {
            layouts.save(ctx, object, body);
            return new ModelAndView("redirect:/admin/objects/" + object + "/layout?toast=layout_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return page(view, rights, LayoutDraft.posted(body, fields(view)), e);
        }
    }

    private ModelAndView page(ObjectView object, MetadataRights rights, LayoutDraft draft, ApiException problem) {
        ModelAndView page = new ModelAndView("admin/object-layout");
        page.addObject("section", "objects");
        page.addObject("object", object);
        page.addObject("rights", rights);
        page.addObject("draft", draft);
        return FormErrors.attach(page, problem, messages);
    }

    private static Map<String, FieldView> fields(ObjectView object) {
        Map<String, FieldView> fields = new LinkedHashMap<>();
        object.fields().forEach(f -> fields.put(f.apiName(), f));
        return fields;
    }
}
