package com.weavecrm.web;

import com.weavecrm.followup.FollowUpPolicies;
import com.weavecrm.followup.FollowUpPolicy;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.pool.Pool;
import com.weavecrm.pool.PoolSummary;
import com.weavecrm.pool.Pools;
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
 * The form of one follow-up policy: name, condition (CEL over the lead), first-response minutes,
 * follow-up hours, what a breach does, active. A refused save shows the service's field errors next
 * to the inputs and keeps what was typed.
 */
@Controller
@RequestMapping("/admin/follow-up/policies")
class FollowUpPolicyFormPages {

    private final FollowUpPolicies policies;
    private final Pools pools;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    FollowUpPolicyFormPages(
            FollowUpPolicies policies,
            Pools pools,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.policies = policies;
        this.pools = pools;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/new")
    ModelAndView newPolicy(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        return page(ctx, null, FollowUpPolicyForm.empty(), null);
    }

    @PostMapping
    ModelAndView create(TenantContext ctx, @RequestParam Map<String, String> params) {
        FollowUpPolicyForm form = FollowUpPolicyForm.submitted(params);
        try {
            policies.create(ctx, form.body().json(json));
            return new ModelAndView("redirect:/admin/follow-up?toast=follow_up_policy_created");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return page(ctx, null, form, e);
        }
    }

    @GetMapping("/{id}")
    ModelAndView edit(TenantContext ctx, @PathVariable UUID id) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        FollowUpPolicy policy = policies.get(ctx, id);
        return page(ctx, policy, FollowUpPolicyForm.of(policy), null);
    }

    @PostMapping("/{id}")
    ModelAndView update(TenantContext ctx, @PathVariable UUID id, @RequestParam Map<String, String> params) {
        FollowUpPolicy policy = policies.get(ctx, id);
        FollowUpPolicyForm form = FollowUpPolicyForm.submitted(params);
        try {
            policies.update(ctx, id, form.body().json(json), params.get("version"));
            return new ModelAndView("redirect:/admin/follow-up?toast=follow_up_policy_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            return page(ctx, policy, form, e);
        }
    }

    private ModelAndView page(TenantContext ctx, FollowUpPolicy policy, FollowUpPolicyForm form, ApiException problem) {
        ModelAndView page = new ModelAndView("admin/follow-up-policy");
        page.addObject("section", "follow-up-policies");
        page.addObject("policy", policy);
        page.addObject("form", form);
        page.addObject("escalations", FollowUpPolicyPages.escalations());
        page.addObject("leadPools", leadPools(ctx));
        page.addObject("canSave", permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE));
        return FormErrors.attach(page, problem, messages);
    }

    /** The lead pools a breached lead may go to, in the order they are tried (oldest first). */
    private List<String> leadPools(TenantContext ctx) {
        return pools.list(ctx).stream()
                .map(PoolSummary::pool)
                .filter(p -> "lead".equals(p.object()))
                .map(Pool::name)
                .toList();
    }
}
