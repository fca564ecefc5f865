package com.weavecrm.followup;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.followup.internal.StatsRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.PicklistValue;
import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.RequestLocales;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.springframework.stereotype.Service;

/**
 * How well leads are followed up, per person (the deadline's owner), store (that owner's org unit) or
 * channel, over the deadlines started in a period on leads in the caller's data scope: how many leads,
 * the median and average minutes to the first response, and how many follow-ups were done in time,
 * missed or are still open. {@link #deadlines} lists the deadlines behind one group's figures.
 */
@Service
public class FollowUpStats {

    /** Most deadlines listed behind one group. */
    public static final int MAX_DEADLINES = 500;

    /**
     * One group. {@code label}: the owner's or unit's name, the channel's label in the caller's language.
     * Minutes are those of first responses made in time ({@code firstResponses}); {@code
     * firstResponsesBreached} were missed. {@code followUpRate}: met / (met + breached) follow-ups, null
     * when none ended.
     */
    public record Group(
            String key,
            String label,
            long leads,
            Double firstResponseMedianMinutes,
            Double firstResponseAverageMinutes,
            long firstResponses,
            long firstResponsesBreached,
            long followUpsMet,
            long followUpsBreached,
            long followUpsOpen,
            Double followUpRate) {}

    private final TenantTx tx;
    private final StatsRepository repository;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final SettingsService settings;
    private final Clock clock;

    public FollowUpStats(
            TenantTx tx,
            StatsRepository repository,
            PermissionService permissions,
            MetadataService metadata,
            SettingsService settings,
            Clock clock) {
        this.tx = tx;
        this.repository = repository;
        this.permissions = permissions;
        this.metadata = metadata;
        this.settings = settings;
        this.clock = clock;
    }

    /** Today in the tenant's time zone, by the product's clock. */
    public LocalDate today(TenantContext ctx) {
        return LocalDate.ofInstant(clock.instant(), zone(ctx));
    }

    /** Whole days in the tenant's time zone, both included (see {@link Period#ofDays}). */
    public Period days(TenantContext ctx, LocalDate from, LocalDate to) {
        return Period.ofDays(from, to, zone(ctx));
    }

    private ZoneId zone(TenantContext ctx) {
        try {
            return ZoneId.of(settings.get(ctx).timezone());
        } catch (DateTimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    /** The figures over the last {@code days} days up to now. */
    public List<Group> by(TenantContext ctx, String by, int days) {
        if (days < 1 || days > 366) {
            throw ApiException.badRequest("days", "out_of_range", 1, 366);
        }
        return by(ctx, by, new Period(OffsetDateTime.now(clock).minus(Duration.ofDays(days)), null));
    }

    public List<Group> by(TenantContext ctx, String by, Period period) {
        StatsRepository.Query query = query(ctx, by, period);
        ObjectDef lead = metadata.object(ctx, "lead");
        String language = RequestLocales.toTag(ctx.locale());
        return tx.call(ctx, dsl -> repository.figures(dsl, ctx.tenant(), query)).stream()
                .map(r -> new Group(
                        r.key(),
                        "channel".equals(by) ? channelLabel(lead, r.key(), language) : r.label(),
                        r.leads(),
                        r.firstResponseMedianMinutes(),
                        r.firstResponseAverageMinutes(),
                        r.firstResponses(),
                        r.firstResponsesBreached(),
                        r.followUpsMet(),
                        r.followUpsBreached(),
                        r.followUpsOpen(),
                        r.followUpsMet() + r.followUpsBreached() == 0
                                ? null
                                : (double) r.followUpsMet() / (r.followUpsMet() + r.followUpsBreached())))
                .toList();
    }

    /** The deadlines counted in one group ({@code key} as the figures give it; null for the group without one). */
    public List<Deadline> deadlines(TenantContext ctx, String by, String key, Period period) {
        StatsRepository.Query query = query(ctx, by, period);
        return tx.call(ctx, dsl -> repository.deadlines(dsl, ctx.tenant(), query, key, MAX_DEADLINES));
    }

    private StatsRepository.Query query(TenantContext ctx, String by, Period period) {
        permissions.require(ctx, "lead", Action.READ);
        ObjectDef lead = metadata.object(ctx, "lead");
        Field<String> channel =
                field(name("l", lead.field("channel").orElseThrow().column()), String.class);
        Field<?> group;
        Field<String> label;
        switch (by == null ? "owner" : by) {
            case "owner" -> {
                group = field(name("d", "owner_id"));
                label = field(name("u", "display_name"), String.class);
            }
            case "store" -> {
                group = field(name("u", "org_unit_id"));
                label = field(name("o", "name"), String.class);
            }
            case "channel" -> {
                group = channel;
                label = channel;
            }
            default -> throw ApiException.badRequest("by", "invalid_value", "owner, store, channel");
        }
        var scope = permissions.scope(ctx, "lead", Action.READ, field(name("l", "owner_id"), UUID.class));
        return new StatsRepository.Query(group, label, lead.table(), scope, period.from(), period.until());
    }

    private static String channelLabel(ObjectDef lead, String value, String language) {
        return lead.field("channel").map(FieldDef::values).orElse(List.of()).stream()
                .filter(v -> v.value().equals(value))
                .map(PicklistValue::label)
                .map(labels -> labels.getOrDefault(language, value))
                .findFirst()
                .orElse(value);
    }
}
