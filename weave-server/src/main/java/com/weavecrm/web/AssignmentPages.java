package com.weavecrm.web;

import com.weavecrm.assignment.Absences;
import com.weavecrm.assignment.AssignableUser;
import com.weavecrm.assignment.AssignmentDecision;
import com.weavecrm.assignment.AssignmentRule;
import com.weavecrm.assignment.AssignmentRules;
import com.weavecrm.assignment.AssignmentSettings;
import com.weavecrm.assignment.AssignmentSettingsService;
import com.weavecrm.assignment.LeadAssignment;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lead assignment (Settings → 线索分配): the rules in order (moved up and down, deleted), the default
 * queue's owner and working hours, absences, and a dry run that shows who a lead would go to and why.
 */
@Controller
@RequestMapping("/admin/assignment")
class AssignmentPages {

    static final List<String> TEST_FIELDS = List.of("channel", "region", "industry", "storeId", "language", "amount");

    private final AssignmentRules rules;
    private final AssignmentSettingsService settings;
    private final Absences absences;
    private final LeadAssignment assignment;
    private final UserFormOptions options;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    AssignmentPages(
            AssignmentRules rules,
            AssignmentSettingsService settings,
            Absences absences,
            LeadAssignment assignment,
            UserFormOptions options,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.rules = rules;
        this.settings = settings;
        this.absences = absences;
        this.assignment = assignment;
        this.options = options;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView show(TenantContext ctx) {
        return page(ctx, new HashMap<>(), null, null);
    }

    @PostMapping("/rules/{id}/move")
    ModelAndView move(TenantContext ctx, @PathVariable UUID id, @RequestParam String direction) {
        List<String> ids = rules.list(ctx).stream().map(r -> r.id().toString()).toList();
        Reordering.moved(ids, id.toString(), direction)
                .ifPresent(order ->
                        rules.reorder(ctx, Body.create().put("ids", order).json(json)));
        return new ModelAndView("redirect:/admin/assignment?toast=assignment_order_saved");
    }

    @PostMapping("/rules/{id}/delete")
    ModelAndView delete(TenantContext ctx, @PathVariable UUID id) {
        rules.delete(ctx, id);
        return new ModelAndView("redirect:/admin/assignment?toast=assignment_rule_deleted");
    }

    @PostMapping("/settings")
    ModelAndView saveSettings(
            TenantContext ctx,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "day", required = false) List<Integer> days) {
        Map<String, Object> hours = new LinkedHashMap<>();
        hours.put("days", days == null ? List.of() : days);
        hours.put("from", params.get("from"));
        hours.put("to", params.get("to"));
        Body body = Body.create()
                .textOrNull("defaultOwnerId", params.get("defaultOwnerId"))
                .put("keepExistingOwner", params.containsKey("keepExistingOwner"))
                .put("workingHours", hours);
        return attempt(
                ctx,
                params,
                () -> settings.update(ctx, body.json(json), params.get("version")),
                "assignment_settings_saved");
    }

    @PostMapping("/absences")
    ModelAndView addAbsence(TenantContext ctx, @RequestParam Map<String, String> params) {
        Body body = Body.create()
                .text("userId", params.get("userId"))
                .text("from", params.get("absenceFrom"))
                .text("to", params.get("absenceTo"))
                .text("note", params.get("note"));
        return attempt(ctx, params, () -> absences.create(ctx, body.json(json)), "absence_added");
    }

    @PostMapping("/absences/{id}/delete")
    ModelAndView removeAbsence(TenantContext ctx, @PathVariable UUID id) {
        absences.delete(ctx, id);
        return new ModelAndView("redirect:/admin/assignment?toast=absence_removed");
    }

    /** A dry run of the rules for the values entered: who would get the lead, and the trace. */
    @PostMapping("/test")
    ModelAndView test(TenantContext ctx, @RequestParam Map<String, String> params) {
        Map<String, Object> lead = new LinkedHashMap<>();
        for (String field : TEST_FIELDS) {
            String value = params.get("test_" + field);
            if (!Body.blank(value)) {
                lead.put(field, field.equals("amount") ? amount(value) : value.strip());
            }
        }
        try {
            AssignmentDecision decision =
                    assignment.test(ctx, Body.create().put("lead", lead).json(json));
            return page(ctx, params, decision, null);
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return page(ctx, params, null, e);
        }
    }

    private ModelAndView attempt(TenantContext ctx, Map<String, String> params, Runnable write, String toast) {
        try {
            write.run();
            return new ModelAndView("redirect:/admin/assignment?toast=" + toast);
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return page(ctx, params, null, e);
        }
    }

    private ModelAndView page(
            TenantContext ctx, Map<String, String> form, AssignmentDecision decision, ApiException problem) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        List<AssignableUser> users = rules.assignableUsers(ctx);
        Map<UUID, String> names = new HashMap<>();
        users.forEach(u -> names.put(u.id(), u.displayName()));
        AssignmentSettings current = settings.get(ctx);
        ModelAndView page = new ModelAndView("admin/assignment");
        page.addObject("section", "assignment");
        List<AssignmentRule> list = rules.list(ctx);
        page.addObject("rules", list);
        page.addObject("names", names);
        page.addObject("unitNames", options.unitNames(ctx));
        page.addObject("users", users);
        page.addObject("settings", current);
        page.addObject("absences", absences.list(ctx, null));
        page.addObject("form", form);
        page.addObject("testFields", TEST_FIELDS);
        if (decision != null) {
            page.addObject("decision", decision);
            page.addObject(
                    "decisionTrace",
                    TraceLines.of(decision.trace(), messages, LocaleContextHolder.getLocale())
                            .lines());
        }
        page.addObject("canUpdate", permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE));
        return FormErrors.attach(page, problem, messages);
    }

    private static Object amount(String value) {
        try {
            return new java.math.BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
