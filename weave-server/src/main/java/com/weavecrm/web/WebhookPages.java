package com.weavecrm.web;

import com.weavecrm.notification.NoticeKinds;
import com.weavecrm.notification.ReminderSettings;
import com.weavecrm.notification.WebhookChannel;
import com.weavecrm.notification.WebhookChannels;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings of notifications: the task reminder offset, and the group-bot channels (WeCom, Feishu,
 * DingTalk) with the kinds each takes and their latest deliveries — a failed one with its reason.
 */
@Controller
@RequestMapping("/admin/webhooks")
class WebhookPages {

    private static final int DELIVERIES = 20;

    private final WebhookChannels channels;
    private final ReminderSettings reminders;
    private final PermissionService permissions;
    private final MessageSource messages;
    private final JsonMapper json;

    WebhookPages(
            WebhookChannels channels,
            ReminderSettings reminders,
            PermissionService permissions,
            MessageSource messages,
            JsonMapper json) {
        this.channels = channels;
        this.reminders = reminders;
        this.permissions = permissions;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(TenantContext ctx) {
        return listPage(ctx, null, null);
    }

    @PostMapping("/reminders")
    ModelAndView saveReminders(TenantContext ctx, @RequestParam Map<String, String> params) {
        try {
            String minutes = params.getOrDefault("taskReminderMinutes", "").strip();
            Body body = Body.create()
                    .put("taskReminderMinutes", minutes.matches("\\d{1,6}") ? Integer.valueOf(minutes) : minutes);
            reminders.update(ctx, body.json(json), params.get("version"));
            return new ModelAndView("redirect:/admin/webhooks?toast=reminders_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return listPage(ctx, params.get("taskReminderMinutes"), e);
        }
    }

    @GetMapping("/new")
    ModelAndView create(TenantContext ctx) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.UPDATE);
        Map<String, Object> form = new HashMap<>();
        form.put("platform", "wecom");
        form.put("enabled", true);
        form.put("kinds", List.of(NoticeKinds.ANY));
        return formPage(ctx, null, form, null);
    }

    @PostMapping("/new")
    ModelAndView save(TenantContext ctx, @RequestParam MultiValueMap<String, String> params) {
        Map<String, Object> form = form(params);
        try {
            WebhookChannel created = channels.create(ctx, body(form, true).json(json));
            return new ModelAndView("redirect:/admin/webhooks/" + created.id() + "?toast=webhook_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            return formPage(ctx, null, form, e);
        }
    }

    @GetMapping("/{id}")
    ModelAndView edit(TenantContext ctx, @PathVariable UUID id) {
        WebhookChannel channel = channels.get(ctx, id);
        Map<String, Object> form = new HashMap<>();
        form.put("name", channel.name());
        form.put("platform", channel.platform());
        form.put("url", "");
        form.put("kinds", channel.kinds());
        form.put("enabled", channel.enabled());
        form.put("version", channel.version());
        return formPage(ctx, channel, form, null);
    }

    @PostMapping("/{id}")
    ModelAndView update(TenantContext ctx, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> params) {
        Map<String, Object> form = form(params);
        try {
            channels.update(ctx, id, body(form, false).json(json), params.getFirst("version"));
            return new ModelAndView("redirect:/admin/webhooks/" + id + "?toast=webhook_saved");
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            return formPage(ctx, channels.get(ctx, id), form, e);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(TenantContext ctx, @PathVariable UUID id) {
        channels.delete(ctx, id);
        return "redirect:/admin/webhooks?toast=webhook_deleted";
    }

    private static Map<String, Object> form(MultiValueMap<String, String> params) {
        Map<String, Object> form = new HashMap<>();
        for (String field : List.of("name", "platform", "url", "secret", "version")) {
            form.put(field, params.getFirst(field) == null ? "" : params.getFirst(field));
        }
        form.put("kinds", params.getOrDefault("kinds", List.of()));
        form.put("enabled", params.containsKey("enabled"));
        form.put("removeSecret", params.containsKey("removeSecret"));
        return form;
    }

    /** The API body of the form: empty URL and secret on an edit keep the stored ones. */
    private static Body body(Map<String, Object> form, boolean creating) {
        Body body = Body.create()
                .put("name", form.get("name"))
                .put("platform", form.get("platform"))
                .put("kinds", form.get("kinds"))
                .put("enabled", form.get("enabled"));
        if (creating) {
            body.put("url", form.get("url"));
        } else {
            body.text("url", (String) form.get("url"));
        }
        if (Boolean.TRUE.equals(form.get("removeSecret"))) {
            body.put("secret", null);
        } else {
            body.text("secret", (String) form.get("secret"));
        }
        return body;
    }

    private ModelAndView listPage(TenantContext ctx, String enteredMinutes, ApiException problem) {
        permissions.require(ctx, ObjectNames.SETTINGS, Action.READ);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (WebhookChannel channel : channels.list(ctx)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("channel", channel);
            List<WebhookChannel.Delivery> last = channels.deliveries(ctx, channel.id(), 1);
            row.put("last", last.isEmpty() ? null : last.get(0));
            rows.add(row);
        }
        ReminderSettings.Settings settings = reminders.get(ctx);
        ModelAndView page = new ModelAndView("admin/webhooks");
        page.addObject("section", "webhooks");
        page.addObject("rows", rows);
        page.addObject("reminderMinutes", enteredMinutes != null ? enteredMinutes : settings.taskReminderMinutes());
        page.addObject("reminderVersion", settings.version());
        page.addObject("canUpdate", permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE));
        return FormErrors.attach(page, problem, messages);
    }

    private ModelAndView formPage(
            TenantContext ctx, WebhookChannel channel, Map<String, Object> form, ApiException problem) {
        ModelAndView page = new ModelAndView("admin/webhook-form");
        page.addObject("section", "webhooks");
        page.addObject("channel", channel);
        page.addObject("form", form);
        page.addObject("platforms", WebhookChannels.PLATFORMS);
        List<String> kinds = new ArrayList<>(NoticeKinds.KNOWN);
        @SuppressWarnings("unchecked")
        List<String> chosen = (List<String>) form.get("kinds");
        chosen.stream()
                .filter(k -> !k.equals(NoticeKinds.ANY) && !kinds.contains(k))
                .forEach(kinds::add);
        page.addObject("kinds", kinds);
        page.addObject("deliveries", channel == null ? List.of() : channels.deliveries(ctx, channel.id(), DELIVERIES));
        page.addObject("canUpdate", permissions.can(ctx, ObjectNames.SETTINGS, Action.UPDATE));
        return FormErrors.attach(page, problem, messages);
    }
}
