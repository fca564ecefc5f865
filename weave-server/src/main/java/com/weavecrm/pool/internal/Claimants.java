package com.weavecrm.pool.internal;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.organisation.SettingsService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.pool.Pool;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Who may claim from a pool and how many claims they have left today. A claimant needs the read right
 * on the pool's object and, when the pool names roles or org units, one of those roles or a place in
 * one of those units (or below). The day runs midnight to midnight in the tenant's time zone.
 */
@Component
public class Claimants {

    private final PermissionService permissions;
    private final EligibilityRepository eligibility;
    private final PoolEntryRepository entries;
    private final SettingsService settings;
    private final Clock clock;

    public Claimants(
            PermissionService permissions,
            EligibilityRepository eligibility,
            PoolEntryRepository entries,
            SettingsService settings,
            Clock clock) {
        this.permissions = permissions;
        this.eligibility = eligibility;
        this.entries = entries;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean mayClaim(DSLContext dsl, TenantContext ctx, Pool pool) {
        if (ctx.isSystem() || !permissions.can(ctx, pool.object(), Action.READ)) {
            return false;
        }
        return !pool.restricted()
                || eligibility.eligible(dsl, ctx.tenant(), ctx.userId(), pool.claimRoles(), pool.claimUnits());
    }

    public int claimsToday(DSLContext dsl, TenantContext ctx, Pool pool) {
        return entries.claimsSince(dsl, ctx.tenant(), pool.id(), ctx.userId(), startOfDay(ctx));
    }

    /** The claims the caller has left today, or null when they may not claim from the pool. */
    public Integer claimsLeft(DSLContext dsl, TenantContext ctx, Pool pool) {
        if (!mayClaim(dsl, ctx, pool)) {
            return null;
        }
        return Math.max(0, pool.dailyClaimLimit() - claimsToday(dsl, ctx, pool));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Midnight today in the tenant's time zone. */
    public OffsetDateTime startOfDay(TenantContext ctx) {
        ZoneId zone = zone(settings.get(ctx).timezone());
        return LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toOffsetDateTime();
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }
}
