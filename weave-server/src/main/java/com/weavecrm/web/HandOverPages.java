package com.weavecrm.web;

import com.weavecrm.handover.HandOver;
import com.weavecrm.handover.LeaverHandOver;
import com.weavecrm.platform.metadata.ObjectViews;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.organisation.UserService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.LinkedHashMap;
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
 * 离职交接: what a leaver's hand-over would move (per object), a choice of receiver (their manager by
 * default), and the confirmation that moves everything and marks them as left in one step.
 */
@Controller
@RequestMapping("/admin/users/{id}/hand-over")
class HandOverPages {

    private final LeaverHandOver handOver;
    private final UserService users;
    private final UserFormOptions options;
    private final ObjectViews objects;
    private final MessageSource messages;
    private final JsonMapper json;

    HandOverPages(
            LeaverHandOver handOver,
            UserService users,
            UserFormOptions options,
            ObjectViews objects,
            MessageSource messages,
            JsonMapper json) {
        this.handOver = handOver;
        this.users = users;
        this.options = options;
        this.objects = objects;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView preview(TenantContext ctx, @PathVariable UUID id, @RequestParam(required = false) UUID to) {
        return page(ctx, id, to, true, null);
    }

    @PostMapping
    ModelAndView confirm(
            TenantContext ctx,
            @PathVariable UUID id,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String markLeft) {
        Body body = Body.create().textOrNull("to", to).put("markLeft", "true".equals(markLeft));
        try {
            handOver.handOver(ctx, id, body.json(json));
            return new ModelAndView("redirect:/admin/users/" + id + "?toast=handed_over");
        } catch (ApiException e) {
            if (e.status().value() != 400 && e.status().value() != 422) {
                throw e;
            }
            UUID chosen = null;
            try {
                chosen = Body.blank(to) ? null : UUID.fromString(to);
            } catch (IllegalArgumentException ignored) {
                // shown as the manager again
            }
            return page(ctx, id, chosen, "true".equals(markLeft), e);
        }
    }

    private ModelAndView page(TenantContext ctx, UUID id, UUID to, boolean markLeft, ApiException problem) {
        UserAccount leaver = users.get(ctx, id);
        HandOver plan = handOver.preview(ctx, id, to);
        Map<String, String> labels = new LinkedHashMap<>();
        objects.visible(ctx).forEach(o -> labels.put(o.apiName(), o.labelPlural()));
        ModelAndView page = new ModelAndView("admin/hand-over");
        page.addObject("section", "users");
        page.addObject("leaver", leaver);
        page.addObject("plan", plan);
        page.addObject("labels", labels);
        page.addObject("receivers", options.managers(ctx, id));
        page.addObject("markLeft", markLeft);
        return FormErrors.attach(page, problem, messages);
    }
}
