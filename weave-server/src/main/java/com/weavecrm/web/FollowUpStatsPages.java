package com.weavecrm.web;

import com.weavecrm.followup.Deadline;
import com.weavecrm.followup.FollowUpStats;
import com.weavecrm.followup.Period;
import com.weavecrm.platform.organisation.UserDirectory;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Follow-up figures (跟进统计, {@code /follow-up}): per owner, store or channel over a period (the
 * last 30 days unless chosen), with the leads in the caller's data scope — the API's figures. Each row
 * leads to the deadlines it counts ({@code /follow-up/deadlines}) and to the lead list.
 */
@Controller
@RequestMapping("/follow-up")
class FollowUpStatsPages {

    static final int DEFAULT_DAYS = 30;

    private final FollowUpStats stats;
    private final RecordNames names;
    private final UserDirectory users;
    private final MessageSource messages;

    FollowUpStatsPages(FollowUpStats stats, RecordNames names, UserDirectory users, MessageSource messages) {
        this.stats = stats;
        this.names = names;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping
    ModelAndView show(
            TenantContext ctx,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        ModelAndView page = new ModelAndView("followup/stats");
        FollowUpStatsQuery query = query(ctx, by, from, to);
        page.addObject("query", query);
        page.addObject("groupings", FollowUpStatsQuery.GROUPINGS);
        try {
            Period period = period(ctx, query, from, to);
            page.addObject("period", period);
            page.addObject("groups", stats.by(ctx, query.by(), period));
        } catch (ApiException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            page.addObject("groups", List.of());
            FormErrors.attach(page, e, messages);
        }
        return section(page);
    }

    /** The deadlines behind one row's figures, each with its lead. */
    @GetMapping("/deadlines")
    ModelAndView deadlines(
            TenantContext ctx,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        FollowUpStatsQuery query = query(ctx, by, from, to);
        Period period = period(ctx, query, from, to);
        String group = key == null || key.isBlank() ? null : key;
        List<Deadline> list = stats.deadlines(ctx, query.by(), group, period);
        String label = stats.by(ctx, query.by(), period).stream()
                .filter(g -> java.util.Objects.equals(g.key(), group))
                .map(FollowUpStats.Group::label)
                .findFirst()
                .orElse(group);
        ModelAndView page = new ModelAndView("followup/deadlines");
        page.addObject("query", query);
        page.addObject("key", group);
        page.addObject("label", label);
        page.addObject("deadlines", list);
        page.addObject("truncated", list.size() >= FollowUpStats.MAX_DEADLINES);
        page.addObject(
                "leadNames",
                names.titles(ctx, "lead", list.stream().map(Deadline::leadId).toList()));
        page.addObject("ownerNames", owners(ctx, list));
        page.addObject("leadsUrl", query.leads(group, period));
        return section(page);
    }

    private FollowUpStatsQuery query(TenantContext ctx, String by, String from, String to) {
        LocalDate end = date(to);
        LocalDate start = date(from);
        if (Body.blank(from) && Body.blank(to)) {
            end = stats.today(ctx);
            start = end.minusDays(DEFAULT_DAYS - 1);
        }
        return FollowUpStatsQuery.of(by, start, end);
    }

    /** The days of the query; dates that do not read as dates are refused like the service's own checks. */
    private Period period(TenantContext ctx, FollowUpStatsQuery query, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        if (!Body.blank(from) && query.from() == null) {
            errors.add(FieldError.of("from", "invalid_format"));
        }
        if (!Body.blank(to) && query.to() == null) {
            errors.add(FieldError.of("to", "invalid_format"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return stats.days(ctx, query.from(), query.to());
    }

    private Map<UUID, String> owners(TenantContext ctx, List<Deadline> list) {
        Map<UUID, String> names = new HashMap<>();
        list.stream()
                .map(Deadline::ownerId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .limit(RecordNames.MAX_IDS)
                .forEach(id -> {
                    UserDirectory.UserSummary user = users.summary(ctx, id);
                    names.put(id, user == null ? id.toString() : user.displayName());
                });
        return names;
    }

    private static LocalDate date(String text) {
        try {
            return Body.blank(text) ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ModelAndView section(ModelAndView page) {
        page.addObject("section", "follow-up");
        return page;
    }
}
