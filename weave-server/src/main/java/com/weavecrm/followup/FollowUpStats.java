package com.weavecrm.followup;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.followup.internal.StatsRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.springframework.stereotype.Service;

/**
 * How well leads are followed up, per person, store (the owner's org unit) or channel, over the leads
 * in the caller's data scope: how many, the median minutes to the first response, and how many
 * follow-ups were done in time.
 */
@Service
public class FollowUpStats {

    /** One group: {@code followUpRate} is the share of ended follow-ups done in time (null when none ended). */
    public record Group(
            String key,
            long leads,
            Double firstResponseMedianMinutes,
            long followUpsMet,
            long followUpsBreached,
            Double followUpRate) {}

    private final TenantTx tx;
    private final StatsRepository repository;
    private final PermissionService permissions;
    private final MetadataService metadata;
    private final Clock clock;

    public FollowUpStats(
            TenantTx tx,
            StatsRepository repository,
            PermissionService permissions,
            MetadataService metadata,
            Clock clock) {
        this.tx = tx;
        this.repository = repository;
        this.permissions = permissions;
        this.metadata = metadata;
        this.clock = clock;
    }

    public List<Group> by(TenantContext ctx, String by, int days) {
        permissions.require(ctx, "lead", Action.READ);
        if (days < 1 || days > 366) {
            throw ApiException.badRequest("days", "out_of_range", 1, 366);
        }
        ObjectDef lead = metadata.object(ctx, "lead");
        Field<?> group = switch (by == null ? "owner" : by) {
            case "owner" -> field(name("d", "owner_id"));
            case "store" -> field(name("u", "org_unit_id"));
            case "channel" ->
                field(name("l", lead.field("channel").orElseThrow().column()));
            default -> throw ApiException.badRequest("by", "invalid_value", "owner, store, channel");
        };
        var scope = permissions.scope(ctx, "lead", Action.READ, field(name("l", "owner_id"), UUID.class));
        OffsetDateTime since = OffsetDateTime.now(clock).minus(Duration.ofDays(days));
        return tx.call(ctx, dsl -> repository.figures(dsl, ctx.tenant(), lead.table(), group, scope, since)).stream()
                .map(r -> new Group(
                        r.key(),
                        r.leads(),
                        r.firstResponseMedianMinutes(),
                        r.followUpsMet(),
                        r.followUpsBreached(),
                        r.followUpsMet() + r.followUpsBreached() == 0
                                ? null
                                : (double) r.followUpsMet() / (r.followUpsMet() + r.followUpsBreached())))
                .toList();
    }
}
