package com.weavecrm.web;

import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.ObjectDesigner;
import com.weavecrm.platform.metadata.ObjectViews;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.HashMap;
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

/** The object manager: every object with a "new object" form, and one object's fields. */
@Controller
@RequestMapping("/admin/objects")
class ObjectPages {

    private final ObjectViews views;
    private final ObjectDesigner designer;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    ObjectPages(
            ObjectViews views,
            ObjectDesigner designer,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.views = views;
        this.designer = designer;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(TenantContext ctx) {
        return listPage(ctx, new HashMap<>(), null);
    }

    @PostMapping
    ModelAndView create(TenantContext ctx, @RequestParam Map<String, String> params) {
        Body body = Body.create()
                .text("apiName", params.get("apiName"))
                .put("label", LabelInputs.of(params.get("labelZh"), params.get("labelEn")));
        Map<String, String> plural = LabelInputs.of(params.get("pluralZh"), params.get("pluralEn"));
        if (plural != null) {
            body.put("labelPlural", plural);
        }
        try {
            ObjectDef object = designer.createObject(ctx, body.json(json));
            return new ModelAndView("redirect:/admin/objects/" + object.apiName() + "?toast=object_created");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return listPage(ctx, params, e);
        }
    }

    @GetMapping("/{object}")
    ModelAndView object(TenantContext ctx, @PathVariable String object) {
        MetadataRights rights = MetadataRights.require(permissions, ctx);
        ModelAndView page = new ModelAndView("admin/object");
        page.addObject("section", "objects");
        page.addObject("rights", rights);
        page.addObject("object", views.one(ctx, object));
        return page;
    }

    private ModelAndView listPage(TenantContext ctx, Map<String, String> form, ApiException problem) {
        MetadataRights rights = MetadataRights.require(permissions, ctx);
        ModelAndView page = new ModelAndView("admin/objects");
        page.addObject("section", "objects");
        page.addObject("rights", rights);
        page.addObject("objects", views.visible(ctx));
        page.addObject("form", form);
        return FormErrors.attach(page, problem, messages);
    }
}
