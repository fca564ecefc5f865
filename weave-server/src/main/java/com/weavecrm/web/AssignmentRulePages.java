package com.weavecrm.web;

import com.weavecrm.assignment.AssignmentRule;
import com.weavecrm.assignment.AssignmentRules;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
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

/** The form of one assignment rule: name, condition, strategy, pool (members, weights, org unit), cap, flags. */
@Controller
@RequestMapping("/admin/assignment/rules")
class AssignmentRulePages {

    private final AssignmentRules rules;
    private final UserFormOptions options;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    AssignmentRulePages(
            AssignmentRules rules,
            UserFormOptions options,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.rules = rules;
        this.options = options;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/new")
    ModelAndView newRule(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        return page(ctx, null, AssignmentRuleForm.empty(), null);
    }

    @PostMapping
    ModelAndView create(
            TenantContext ctx,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "member", required = false) List<String> members) {
        AssignmentRuleForm form = AssignmentRuleForm.submitted(params, members);
        try {
            rules.create(ctx, form.body().json(json));
            return new ModelAndView("redirect:/admin/assignment?toast=assignment_rule_created");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return page(ctx, null, form, e);
        }
    }

    @GetMapping("/{id}")
    ModelAndView edit(TenantContext ctx, @PathVariable UUID id) {
        AssignmentRule rule = rules.get(ctx, id);
        return page(ctx, rule, AssignmentRuleForm.of(rule), null);
    }

    @PostMapping("/{id}")
    ModelAndView update(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestParam Map<String, String> params,
            @RequestParam(name = "member", required = false) List<String> members) {
        AssignmentRule rule = rules.get(ctx, id);
        AssignmentRuleForm form = AssignmentRuleForm.submitted(params, members);
        try {
            rules.update(ctx, id, form.body().json(json), params.get("version"));
            return new ModelAndView("redirect:/admin/assignment?toast=assignment_rule_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            return page(ctx, rule, form, e);
        }
    }

    private ModelAndView page(TenantContext ctx, AssignmentRule rule, AssignmentRuleForm form, ApiException problem) {
        ModelAndView page = new ModelAndView("admin/assignment-rule");
        page.addObject("section", "assignment");
        page.addObject("rule", rule);
        page.addObject("form", form);
        page.addObject("strategies", AssignmentRule.STRATEGIES);
        page.addObject("users", rules.assignableUsers(ctx));
        page.addObject("units", options.units(ctx));
        page.addObject("unitNames", options.unitNames(ctx));
        page.addObject("canSave", permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE));
        return FormErrors.attach(page, problem, messages);
    }
}
