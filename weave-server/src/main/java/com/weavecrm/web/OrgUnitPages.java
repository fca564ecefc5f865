package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.organisation.OrgUnit;
import com.weavecrm.platform.organisation.OrgUnitService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** The org-unit tree: list (indented), create, rename/re-kind/move, delete (empty units only). */
@Controller
@RequestMapping("/admin/org-units")
class OrgUnitPages {

    static final List<String> KINDS = List.of("hq", "region", "store", "team");
    static final String OTHER_KIND = "other";

    private final OrgUnitService units;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    OrgUnitPages(OrgUnitService units, PermissionService permissions, MessageSource messages, JsonMapper json) {
        this.units = units;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(TenantContext ctx) {
        return listPage(ctx, new HashMap<>(Map.of("kind", "store")), null);
    }

    @PostMapping
    ModelAndView create(
            TenantContext ctx,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String kindOther,
            @RequestParam(required = false) String parentId) {
        Body body = Body.create()
                .text("name", name)
                .text("kind", kind(kind, kindOther))
                .text("parentId", parentId);
        try {
            units.create(ctx, body.json(json));
            return new ModelAndView("redirect:/admin/org-units?toast=org_unit_created");
        } catch (ApiException e) {
            Map<String, String> form = new HashMap<>();
            form.put("name", name);
            form.put("kind", kind);
            form.put("kindOther", kindOther);
            form.put("parentId", parentId);
            return listPage(ctx, form, e);
        }
    }

    @GetMapping("/{id}")
    ModelAndView edit(TenantContext ctx, @PathVariable UUID id) {
        OrgUnit unit = units.get(ctx, id);
        Map<String, String> form = new HashMap<>();
        form.put("name", unit.name());
        form.put("kind", KINDS.contains(unit.kind()) ? unit.kind() : OTHER_KIND);
        form.put("kindOther", KINDS.contains(unit.kind()) ? "" : unit.kind());
        form.put("parentId", unit.parentId() == null ? "" : unit.parentId().toString());
        form.put("version", Long.toString(unit.version()));
        return editPage(ctx, unit, form, null);
    }

    @PostMapping("/{id}")
    ModelAndView update(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String kindOther,
            @RequestParam(required = false) String parentId,
            @RequestParam(required = false) String version) {
        OrgUnit unit = units.get(ctx, id);
        Body body = Body.create().put("name", name).put("kind", kind(kind, kindOther));
        if (!Body.blank(parentId) && !Objects.equals(parentId, String.valueOf(unit.parentId()))) {
            body.put("parentId", parentId);
        }
        try {
            units.update(ctx, id, body.json(json), version);
            return new ModelAndView("redirect:/admin/org-units?toast=org_unit_saved");
        } catch (ApiException e) {
            Map<String, String> form = new HashMap<>();
            form.put("name", name);
            form.put("kind", kind);
            form.put("kindOther", kindOther);
            form.put("parentId", parentId);
            form.put("version", version);
            return editPage(ctx, unit, form, e);
        }
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(TenantContext ctx, @PathVariable UUID id) {
        try {
            units.delete(ctx, id);
            return new ModelAndView("redirect:/admin/org-units?toast=org_unit_deleted");
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            return listPage(ctx, new HashMap<>(Map.of("kind", "store")), e);
        }
    }

    private ModelAndView listPage(TenantContext ctx, Map<String, String> form, ApiException problem) {
        List<OrgUnit> all = units.list(ctx);
        ModelAndView page = new ModelAndView("admin/org-units");
        page.addObject("section", "org-units");
        page.addObject("rows", OrgTree.of(all));
        page.addObject("kinds", KINDS);
        page.addObject("form", form);
        page.addObject("canCreate", permissions.can(ctx, ObjectNames.ORG_UNIT, Action.CREATE));
        page.addObject("canUpdate", permissions.can(ctx, ObjectNames.ORG_UNIT, Action.UPDATE));
        page.addObject("canDelete", permissions.can(ctx, ObjectNames.ORG_UNIT, Action.DELETE));
        return FormErrors.attach(page, problem, messages);
    }

    private ModelAndView editPage(TenantContext ctx, OrgUnit unit, Map<String, String> form, ApiException problem) {
        List<OrgTree.Row> parents = OrgTree.of(units.list(ctx)).stream()
                .filter(r -> !r.unit().path().startsWith(unit.path()))
                .toList();
        ModelAndView page = new ModelAndView("admin/org-unit-edit");
        page.addObject("section", "org-units");
        page.addObject("unit", unit);
        page.addObject("parents", parents);
        page.addObject("kinds", KINDS);
        page.addObject("form", form);
        page.addObject("canUpdate", permissions.can(ctx, ObjectNames.ORG_UNIT, Action.UPDATE));
        page.addObject("canDelete", permissions.can(ctx, ObjectNames.ORG_UNIT, Action.DELETE));
        return FormErrors.attach(page, problem, messages);
    }

    private static String kind(String kind, String kindOther) {
        return OTHER_KIND.equals(kind) ? kindOther : kind;
    }
}
