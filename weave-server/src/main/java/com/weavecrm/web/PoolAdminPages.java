package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.pool.Pool;
import com.weavecrm.pool.PoolSummary;
import com.weavecrm.pool.Pools;
import com.weavecrm.pool.PublicPool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Pools under administration: the list, a form to create or change one (the same body the API
 * takes, so both accept and refuse the same things), delete, and "reclaim now".
 */
@Controller
@RequestMapping("/admin/pools")
class PoolAdminPages {

    private final Pools pools;
    private final PublicPool pool;
    private final UserFormOptions options;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    PoolAdminPages(
            Pools pools,
            PublicPool pool,
            UserFormOptions options,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.pools = pools;
        this.pool = pool;
        this.options = options;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        ModelAndView page = new ModelAndView("admin/pools");
        page.addObject("section", "admin-pools");
        page.addObject("pools", pools.list(ctx));
        return page;
    }

    @GetMapping("/new")
    ModelAndView newPool(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        Map<String, String> form = new HashMap<>();
        form.put("object", "lead");
        form.put("inactiveDays", "30");
        form.put("dailyClaimLimit", "20");
        form.put("previousOwnerWaitDays", "0");
        form.put("active", "true");
        return form(ctx, null, form, List.of(), List.of(), null);
    }

    @PostMapping
    ModelAndView create(
            TenantContext ctx,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "claimRoles", required = false) List<String> roles,
            @RequestParam(name = "claimUnits", required = false) List<String> units) {
        try {
            pools.create(ctx, body(params, roles, units, true).json(json));
            return new ModelAndView("redirect:/admin/pools?toast=pool_created");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return form(ctx, null, params, orEmpty(roles), orEmpty(units), e);
        }
    }

    @GetMapping("/{id}")
    ModelAndView edit(TenantContext ctx, @PathVariable UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        PoolSummary summary = pools.get(ctx, id);
        Pool p = summary.pool();
        Map<String, String> form = new HashMap<>();
        form.put("name", p.name());
        form.put("object", p.object());
        form.put("condition", p.condition() == null ? "" : p.condition());
        form.put("inactiveDays", Integer.toString(p.inactiveDays()));
        form.put("dailyClaimLimit", Integer.toString(p.dailyClaimLimit()));
        form.put("previousOwnerWaitDays", Integer.toString(p.previousOwnerWaitDays()));
        form.put("active", Boolean.toString(p.active()));
        form.put("version", Long.toString(p.version()));
        return form(
                ctx,
                summary,
                form,
                p.claimRoles(),
                p.claimUnits().stream().map(UUID::toString).toList(),
                null);
    }

    @PostMapping("/{id}")
    ModelAndView update(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "claimRoles", required = false) List<String> roles,
            @RequestParam(name = "claimUnits", required = false) List<String> units) {
        try {
            pools.update(ctx, id, body(params, roles, units, false).json(json), params.get("version"));
            return new ModelAndView("redirect:/admin/pools/" + id + "?toast=pool_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            return form(ctx, pools.get(ctx, id), params, orEmpty(roles), orEmpty(units), e);
        }
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(TenantContext ctx, @PathVariable UUID id) {
        try {
            pools.delete(ctx, id);
            return new ModelAndView("redirect:/admin/pools?toast=pool_deleted");
        } catch (ApiException e) {
            if (e.status().value() != 409) {
                throw e;
            }
            ModelAndView page = edit(ctx, id);
            return FormErrors.attach(page, e, messages);
        }
    }

    @PostMapping("/{id}/reclaim")
    ModelAndView reclaim(TenantContext ctx, @PathVariable UUID id) {
        pool.reclaimNow(ctx, id);
        return new ModelAndView("redirect:/pools/" + id + "?toast=pool_reclaimed");
    }

    private static Body body(Map<String, String> params, List<String> roles, List<String> units, boolean create) {
        Body body = Body.create().put("name", params.get("name"));
        if (create) {
            body.put("object", params.get("object"));
        }
        body.textOrNull("condition", params.get("condition"));
        number(body, "inactiveDays", params.get("inactiveDays"));
        number(body, "dailyClaimLimit", params.get("dailyClaimLimit"));
        number(body, "previousOwnerWaitDays", params.get("previousOwnerWaitDays"));
        body.put("claimRoles", orEmpty(roles));
        body.put("claimUnits", orEmpty(units));
        body.put("active", "true".equals(params.get("active")));
        return body;
    }

    /** A number input: as a number when it reads as one, else as typed (the service names the problem). */
    private static void number(Body body, String field, String value) {
        if (Body.blank(value)) {
            return;
        }
        try {
            body.put(field, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            body.put(field, value);
        }
    }

    private ModelAndView form(
            TenantContext ctx,
            PoolSummary summary,
            Map<String, String> form,
            List<String> roles,
            List<String> units,
            ApiException problem) {
        ModelAndView page = new ModelAndView("admin/pool-form");
        page.addObject("section", "admin-pools");
        page.addObject("summary", summary);
        page.addObject("form", form);
        page.addObject("selectedRoles", roles);
        page.addObject("selectedUnits", units);
        page.addObject("roles", options.roles(ctx));
        page.addObject("units", options.units(ctx));
        page.addObject("objects", Pool.OBJECTS);
        return FormErrors.attach(page, problem, messages);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
