package com.weavecrm.web;

import com.weavecrm.notification.Notifications;
import com.weavecrm.platform.organisation.ProfileService;
import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.organisation.UserAccount;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.security.IssuedToken;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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

/** The caller's own page: profile, language, e-mail notifications, password and personal API tokens. */
@Controller
@RequestMapping("/me")
class ProfilePage {

    private final ProfileService profiles;
    private final SettingsService settings;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Notifications notifications;

    ProfilePage(
            ProfileService profiles,
            SettingsService settings,
            MessageSource messages,
            JsonMapper json,
            Notifications notifications) {
        this.profiles = profiles;
        this.notifications = notifications;
        this.settings = settings;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    ModelAndView show(TenantContext ctx) {
        return page(ctx, null, null, null);
    }

    @PostMapping
    ModelAndView saveProfile(TenantContext ctx, @RequestParam Map<String, String> params) {
        Body body = Body.create()
                .put("displayName", Objects.requireNonNullElse(params.get("displayName"), ""))
                .textOrNull("phone", params.get("phone"))
                .textOrNull("email", params.get("email"))
                .text("locale", params.get("locale"));
        try {
            profiles.update(ctx, body.json(json));
            return new ModelAndView("redirect:/me?toast=profile_saved");
        } catch (ApiException e) {
            return page(ctx, "profile", params, e);
        }
    }

    /** The language switch of the top bar: stored with the user, effective from the next page. */
    @PostMapping("/language")
    String language(TenantContext ctx, @RequestParam String locale, @RequestParam(required = false) String back) {
        profiles.update(ctx, Body.create().put("locale", locale).json(json));
        return "redirect:" + safeBack(back);
    }

    /** Whether notifications also go by e-mail (an unticked box sends nothing: off). */
    @PostMapping("/notifications")
    String notificationPreferences(TenantContext ctx, @RequestParam(required = false) String email) {
        notifications.updatePreferences(
                ctx, Body.create().put("email", email != null).json(json));
        return "redirect:/me?toast=notifications_saved";
    }

    @PostMapping("/password")
    ModelAndView password(TenantContext ctx, AuthenticatedUser user, @RequestParam Map<String, String> params) {
        Body body = Body.create()
                .put("currentPassword", Objects.requireNonNullElse(params.get("currentPassword"), ""))
                .put("newPassword", Objects.requireNonNullElse(params.get("newPassword"), ""));
        try {
            profiles.changePassword(ctx, user.tokenId(), body.json(json));
            return new ModelAndView("redirect:/me?toast=password_changed");
        } catch (ApiException e) {
            return page(ctx, "password", Map.of(), e);
        }
    }

    @PostMapping("/tokens")
    ModelAndView createToken(TenantContext ctx, @RequestParam Map<String, String> params) {
        try {
            Body body = Body.create().text("name", params.get("name"));
            String expires = params.get("expiresOn");
            if (!Body.blank(expires)) {
                body.put("expiresAt", endOfDay(ctx, expires));
            }
            IssuedToken token = profiles.createToken(ctx, body.json(json));
            ModelAndView page = page(ctx, null, null, null);
            page.addObject("newToken", token);
            return page;
        } catch (ApiException e) {
            return page(ctx, "token", params, e);
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(TenantContext ctx, @PathVariable UUID id) {
        profiles.revokeToken(ctx, id);
        return "redirect:/me?toast=token_revoked";
    }

    private ModelAndView page(TenantContext ctx, String failedForm, Map<String, String> entered, ApiException problem) {
        UserAccount me = profiles.me(ctx);
        Map<String, String> form = new HashMap<>();
        form.put("displayName", me.displayName());
        form.put("phone", Objects.requireNonNullElse(me.phone(), ""));
        form.put("email", Objects.requireNonNullElse(me.email(), ""));
        form.put("locale", me.locale());
        if (entered != null) {
            form.putAll(entered);
            form.remove("currentPassword");
            form.remove("newPassword");
        }
        ModelAndView page = new ModelAndView("me");
        page.addObject("section", "me");
        page.addObject("account", me);
        page.addObject("form", form);
        page.addObject("failedForm", failedForm);
        page.addObject("tokens", profiles.tokens(ctx));
        page.addObject("notificationPreferences", notifications.preferences(ctx));
        return FormErrors.attach(page, problem, messages);
    }

    /** The end of the chosen day in the tenant's time zone, as the API's ISO date-time. */
    private String endOfDay(TenantContext ctx, String day) {
        try {
            return LocalDate.parse(day.strip())
                    .plusDays(1)
                    .atStartOfDay(PageContext.zone(settings.get(ctx).timezone()))
                    .toOffsetDateTime()
                    .minusSeconds(1)
                    .toString();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("expiresAt", "invalid_datetime");
        }
    }

    /** Only a path of this site: never another host (no open redirect). */
    static String safeBack(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        return back;
    }
}
