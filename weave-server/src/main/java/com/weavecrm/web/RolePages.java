package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.organisation.Role;
import com.weavecrm.platform.organisation.RoleService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

/** Roles: the list with a create form, and each role's permission matrix and field-access rules. */
@Controller
@RequestMapping("/admin/roles")
class RolePages {

    private final RoleService roles;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    RolePages(RoleService roles, PermissionService permissions, MessageSource messages, JsonMapper json) {
        this.roles = roles;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(TenantContext ctx) {
        return listPage(ctx, new HashMap<>(), null);
    }

    @PostMapping
    ModelAndView create(
            TenantContext ctx,
            @RequestParam(required = false) String apiName,
            @RequestParam(required = false) String labelZh,
            @RequestParam(required = false) String labelEn) {
        Body body = Body.create().text("apiName", apiName);
        Map<String, String> label = label(labelZh, labelEn);
        if (!label.isEmpty()) {
            body.put("label", label);
        }
        try {
            Role role = roles.create(ctx, body.json(json));
            return new ModelAndView("redirect:/admin/roles/" + role.apiName() + "?toast=role_created");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            Map<String, String> form = new HashMap<>();
            form.put("apiName", apiName);
            form.put("labelZh", labelZh);
            form.put("labelEn", labelEn);
            return listPage(ctx, form, e);
        }
    }

    @GetMapping("/{apiName}")
    ModelAndView detail(TenantContext ctx, @PathVariable String apiName) {
        Role role = roles.get(ctx, apiName);
        Map<String, String> form = new HashMap<>();
        form.put("labelZh", role.label().get("zh-CN"));
        form.put("labelEn", role.label().get("en"));
        form.put("version", Long.toString(role.version()));
        List<Map<String, Object>> rules = new ArrayList<>();
        role.fieldAccess().forEach(r -> rules.add(rule(r.object(), r.field(), r.access())));
        return detailPage(ctx, role, form, RoleMatrix.rows(role), rules, null);
    }

    @PostMapping("/{apiName}")
    ModelAndView update(
            TenantContext ctx,
            @PathVariable String apiName,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "faObject", required = false) List<String> faObjects,
            @RequestParam(name = "faField", required = false) List<String> faFields,
            @RequestParam(name = "faAccess", required = false) List<String> faAccess) {
        Role role = roles.get(ctx, apiName);
        List<RoleMatrix.Row> rows = RoleMatrix.rows(RoleMatrix.objects(role), params);
        List<Map<String, Object>> rules =
                RoleMatrix.fieldAccess(orEmpty(faObjects), orEmpty(faFields), orEmpty(faAccess));
        Body body = Body.create();
        Map<String, String> label = label(params.get("labelZh"), params.get("labelEn"));
        if (!label.isEmpty()) {
            body.put("label", label);
        }
        if (!role.locked()) {
            body.put("permissions", RoleMatrix.permissions(rows)).put("fieldAccess", rules);
        }
        try {
            roles.update(ctx, apiName, body.json(json), params.get("version"));
            return new ModelAndView("redirect:/admin/roles/" + apiName + "?toast=role_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return detailPage(ctx, role, params, rows, rules, e);
        }
    }

    @PostMapping("/{apiName}/delete")
    ModelAndView delete(TenantContext ctx, @PathVariable String apiName) {
        try {
            roles.delete(ctx, apiName);
            return new ModelAndView("redirect:/admin/roles?toast=role_deleted");
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            return listPage(ctx, new HashMap<>(), e);
        }
    }

    private ModelAndView listPage(TenantContext ctx, Map<String, String> form, ApiException problem) {
        ModelAndView page = new ModelAndView("admin/roles");
        page.addObject("section", "roles");
        page.addObject("roles", roles.list(ctx));
        page.addObject("form", form);
        page.addObject("canCreate", permissions.can(ctx, ObjectNames.ROLE, Action.CREATE));
        return FormErrors.attach(page, problem, messages);
    }

    private ModelAndView detailPage(
            TenantContext ctx,
            Role role,
            Map<String, String> form,
            List<RoleMatrix.Row> rows,
            List<Map<String, Object>> rules,
            ApiException problem) {
        ModelAndView page = new ModelAndView("admin/role");
        page.addObject("section", "roles");
        page.addObject("role", role);
        page.addObject("form", form);
        page.addObject("rows", rows);
        page.addObject("rules", rules);
        page.addObject("actions", RoleMatrix.ACTIONS);
        page.addObject("scopes", RoleMatrix.SCOPES);
        page.addObject("accessLevels", RoleMatrix.ACCESS_LEVELS);
        page.addObject("objectChoices", RoleMatrix.objects(role));
        boolean canUpdate = permissions.can(ctx, ObjectNames.ROLE, Action.UPDATE);
        page.addObject("canUpdate", canUpdate);
        page.addObject("editable", canUpdate && !role.locked());
        page.addObject("canDelete", permissions.can(ctx, ObjectNames.ROLE, Action.DELETE) && !role.builtin());
        return FormErrors.attach(page, problem, messages);
    }

    private static Map<String, String> label(String zh, String en) {
        Map<String, String> label = new LinkedHashMap<>();
        if (!Body.blank(zh)) {
            label.put("zh-CN", zh);
        }
        if (!Body.blank(en)) {
            label.put("en", en);
        }
        return label;
    }

    private static Map<String, Object> rule(String object, String field, String access) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("object", object);
        rule.put("field", field);
        rule.put("access", access);
        return rule;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
