package com.weavecrm.web;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.organisation.TenantSettings;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** The tenant's settings: name, time zone, currency and default language. */
@Controller
@RequestMapping("/admin/settings")
class SettingsPage {

    static final List<String> TIMEZONES = List.of(
            "Asia/Shanghai",
            "Asia/Hong_Kong",
            "Asia/Taipei",
            "Asia/Macau",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Asia/Seoul",
            "Asia/Kuala_Lumpur",
            "Asia/Bangkok",
            "Asia/Dubai",
            "Europe/London",
            "Europe/Berlin",
            "America/New_York",
            "America/Los_Angeles",
            "Australia/Sydney",
            "UTC");
    static final List<String> CURRENCIES = List.of("CNY", "HKD", "TWD", "MOP", "USD", "EUR", "JPY", "SGD", "GBP");

    private final SettingsService settings;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    SettingsPage(SettingsService settings, PermissionService permissions, MessageSource messages, JsonMapper json) {
        this.settings = settings;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView show(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        TenantSettings current = settings.get(ctx);
        Map<String, String> form = new HashMap<>();
        form.put("name", current.name());
        form.put("timezone", current.timezone());
        form.put("currency", current.currency());
        form.put("defaultLocale", current.defaultLocale());
        form.put("version", Long.toString(current.version()));
        return page(ctx, form, null);
    }

    @PostMapping
    ModelAndView save(TenantContext ctx, @RequestParam Map<String, String> params) {
        Body body = Body.create()
                .put("name", params.get("name"))
                .put("timezone", params.get("timezone"))
                .put("currency", params.get("currency"))
                .put("defaultLocale", params.get("defaultLocale"));
        try {
            settings.update(ctx, body.json(json), params.get("version"));
            return new ModelAndView("redirect:/admin/settings?toast=settings_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return page(ctx, params, e);
        }
    }

    private ModelAndView page(TenantContext ctx, Map<String, String> form, ApiException problem) {
        ModelAndView page = new ModelAndView("admin/settings");
        page.addObject("section", "settings");
        page.addObject("form", form);
        page.addObject("timezones", TIMEZONES);
        page.addObject("currencies", CURRENCIES);
        page.addObject("canUpdate", permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE));
        return FormErrors.attach(page, problem, messages);
    }
}
