package com.weavecrm.web;

import com.weavecrm.followup.FollowUpPolicies;
import com.weavecrm.followup.FollowUpPolicy;
import com.weavecrm.followup.FollowUpPolicyOrder;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follow-up deadlines (Settings → 跟进时限): the policies in the order they are tried, moved up and
 * down and deleted here; {@link FollowUpPolicyFormPages} creates and edits them. Everything goes
 * through the same services as the API, so the checks and the audit are the API's.
 */
@Controller
@RequestMapping("/admin/follow-up")
class FollowUpPolicyPages {

    private final FollowUpPolicies policies;
    private final FollowUpPolicyOrder order;
    private final PermissionService permissions;
    private final JsonMapper json;

    FollowUpPolicyPages(
            FollowUpPolicies policies, FollowUpPolicyOrder order, PermissionService permissions, JsonMapper json) {
        this.policies = policies;
        this.order = order;
        this.permissions = permissions;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        ModelAndView page = new ModelAndView("admin/follow-up");
        page.addObject("section", "follow-up-policies");
        page.addObject("policies", policies.list(ctx));
        page.addObject("canUpdate", permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE));
        return page;
    }

    @PostMapping("/policies/{id}/move")
    ModelAndView move(TenantContext ctx, @PathVariable UUID id, @RequestParam String direction) {
        List<String> ids =
                policies.list(ctx).stream().map(p -> p.id().toString()).toList();
        Reordering.moved(ids, id.toString(), direction)
                .ifPresent(ordered ->
                        order.reorder(ctx, Body.create().put("ids", ordered).json(json)));
        return new ModelAndView("redirect:/admin/follow-up?toast=follow_up_order_saved");
    }

    @PostMapping("/policies/{id}/delete")
    ModelAndView delete(TenantContext ctx, @PathVariable UUID id) {
        policies.delete(ctx, id);
        return new ModelAndView("redirect:/admin/follow-up?toast=follow_up_policy_deleted");
    }

    /** The escalations a policy may choose, in the form's order. */
    static List<String> escalations() {
        return java.util.Arrays.stream(FollowUpPolicy.OnBreach.values())
                .map(FollowUpPolicy.OnBreach::apiName)
                .toList();
    }
}
