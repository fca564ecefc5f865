package com.weavecrm.web;

import com.weavecrm.platform.access.ObjectNames;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditFilter;
import com.weavecrm.platform.audit.AuditPage;
import com.weavecrm.platform.audit.AuditQuery;
import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The audit trail: filters, newest first, "load more" with htmx. */
@Controller
@RequestMapping("/admin/audit")
class AuditPages {

    static final int PAGE_SIZE = 50;
    static final List<String> ACTIONS = List.of(
            AuditAction.CREATE,
            AuditAction.UPDATE,
            AuditAction.DELETE,
            AuditAction.RESTORE,
            AuditAction.MERGE,
            AuditAction.UNMERGE,
            AuditAction.POOL_CLAIM,
            AuditAction.POOL_RETURN,
            AuditAction.POOL_RECLAIM,
            AuditAction.HAND_OVER,
            AuditAction.LOGIN,
            AuditAction.LOGIN_FAILED,
            AuditAction.LOGOUT,
            AuditAction.PERMISSION_CHANGE,
            AuditAction.PASSWORD_CHANGE,
            AuditAction.TOKEN_CREATE,
            AuditAction.TOKEN_REVOKE);

    private final AuditQuery audit;
    private final AuditRows rows;
    private final SettingsService settings;
    private final MessageSource messages;

    AuditPages(AuditQuery audit, AuditRows rows, SettingsService settings, MessageSource messages) {
        this.audit = audit;
        this.rows = rows;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping
    ModelAndView list(TenantContext ctx, @RequestParam Map<String, String> params) {
        ModelAndView page = new ModelAndView("admin/audit");
        page.addObject("section", "audit");
        page.addObject("filter", params);
        page.addObject("actions", ACTIONS);
        List<String> objects = new ArrayList<>(ObjectNames.ADMINISTRATIVE);
        objects.add("token");
        objects.addAll(ObjectNames.STANDARD);
        page.addObject("objects", objects);
        try {
            fill(ctx, page, params);
        } catch (ApiException e) {
            if (e.status().value() == 403) {
                throw e;
            }
            page.addObject("entries", List.of());
            FormErrors.attach(page, e, messages);
        }
        return page;
    }

    /** The next entries, for htmx's "load more" button. */
    @GetMapping("/rows")
    ModelAndView more(TenantContext ctx, @RequestParam Map<String, String> params) {
        ModelAndView page = new ModelAndView("admin/audit :: rows");
        page.addObject("filter", params);
        fill(ctx, page, params);
        return page;
    }

    private void fill(TenantContext ctx, ModelAndView page, Map<String, String> params) {
        ZoneId zone = PageContext.zone(settings.get(ctx).timezone());
        AuditFilter filter = new AuditFilter(
                trimmed(params.get("object")),
                trimmed(params.get("recordId")),
                null,
                trimmed(params.get("action")),
                day("from", params.get("from"), zone, 0),
                day("to", params.get("to"), zone, 1));
        AuditPage result = audit.list(ctx, filter, trimmed(params.get("cursor")), PAGE_SIZE);
        page.addObject("entries", rows.of(ctx, result.data()));
        page.addObject("nextCursor", result.nextCursor());
    }

    /** The start of a day (or of the day after, for "to") in the tenant's time zone. */
    private static OffsetDateTime day(String field, String value, ZoneId zone, int plusDays) {
        if (Body.blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(zone)
                    .toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field, "invalid_value");
        }
    }

    private static String trimmed(String value) {
        return Body.blank(value) ? null : value.strip();
    }
}
