package com.weavecrm.web;

import com.weavecrm.notification.Notifications;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.ObjectViews;
import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.organisation.TenantSettings;
import com.weavecrm.platform.security.AuthenticatedUser;
import com.weavecrm.platform.security.CurrentUser;
import com.weavecrm.platform.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What every page's layout needs: the caller, their navigation, the tenant's name and time zone,
 * their unread notifications (the bell), the current path (for the language switch) and a success
 * toast named by {@code ?toast=}.
 */
@Component
class PageContext {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern TOAST = Pattern.compile("[a-z_]{1,40}");

    private final PermissionService permissions;
    private final SettingsService settings;
    private final MessageSource messages;
    private final ObjectViews objects;
    private final Notifications notifications;

    PageContext(
            PermissionService permissions,
            SettingsService settings,
            MessageSource messages,
            ObjectViews objects,
            Notifications notifications) {
        this.permissions = permissions;
        this.notifications = notifications;
        this.objects = objects;
        this.settings = settings;
        this.messages = messages;
    }

    void fill(Map<String, Object> model, HttpServletRequest request) {
        model.put("currentPath", request.getRequestURI());
        model.putIfAbsent("zone", DEFAULT_ZONE);
        String toast = request.getParameter("toast");
        if (toast != null && TOAST.matcher(toast).matches()) {
            Locale locale = LocaleContextHolder.getLocale();
            String text = messages.getMessage("ui.toast." + toast, null, null, locale);
            if (text != null) {
                model.put("toast", text);
            }
        }
        AuthenticatedUser user = signedIn();
        if (user == null) {
            return;
        }
        TenantContext ctx = CurrentUser.context(request);
        model.put("me", user);
        model.put("nav", Navigation.of(permissions, objects, ctx, user));
        TenantSettings current = settings.get(ctx);
        model.put("tenantName", current.name());
        model.put("zone", zone(current.timezone()));
        model.put("unreadNotifications", notifications.unreadCount(ctx));
    }

    static AuthenticatedUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user ? user : null;
    }

    static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return DEFAULT_ZONE;
        }
    }
}
