package com.weavecrm.web;

import com.weavecrm.platform.organisation.TenantAdministration;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.web.ApiException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** Tenants of the installation, for platform administrators only: list and create. */
@Controller
@RequestMapping("/platform/tenants")
class TenantPages {

    private final TenantAdministration tenants;
    private final MessageSource messages;
    private final JsonMapper json;

    TenantPages(TenantAdministration tenants, MessageSource messages, JsonMapper json) {
        this.tenants = tenants;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(AuthenticatedUser caller) {
        return page(caller, new HashMap<>(), null);
    }

    @PostMapping
    ModelAndView create(AuthenticatedUser caller, @RequestParam Map<String, String> params) {
        Body body = Body.create()
                .text("slug", params.get("slug"))
                .text("name", params.get("name"))
                .text("adminUsername", params.get("adminUsername"))
                .text("adminPassword", params.get("adminPassword"));
        try {
            tenants.create(caller, body.json(json));
            return new ModelAndView("redirect:/platform/tenants?toast=tenant_created");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            Map<String, String> form = new HashMap<>(params);
            form.remove("adminPassword");
            return page(caller, form, e);
        }
    }

    private ModelAndView page(AuthenticatedUser caller, Map<String, String> form, ApiException problem) {
        ModelAndView page = new ModelAndView("platform/tenants");
        page.addObject("section", "tenants");
        page.addObject("tenants", tenants.list(caller));
        page.addObject("form", form);
        return FormErrors.attach(page, problem, messages);
    }
}
