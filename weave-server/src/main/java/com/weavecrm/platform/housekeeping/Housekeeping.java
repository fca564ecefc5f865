package com.weavecrm.platform.housekeeping;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.weavecrm.platform.idempotency.IdempotencyKeys;
import com.weavecrm.platform.security.TokenService;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantRegistry;
import com.weavecrm.platform.tenancy.TenantTx;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An hourly job (db-scheduler: one node of a cluster runs it, and it survives restarts) that deletes
 * expired and revoked tokens and idempotency keys older than a day, tenant by tenant.
 */
@Configuration(proxyBeanMethods = false)
class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofHours(24);

    @Bean
    RecurringTask<Void> tenantHousekeeping(
            TenantRegistry tenants, TenantTx tx, TokenService tokens, IdempotencyKeys keys, Clock clock) {
        return Tasks.recurring("tenant-housekeeping", FixedDelay.ofHours(1)).execute((instance, context) -> {
            for (Tenant tenant : tenants.all()) {
                if (!tenant.isActive()) {
                    continue;
                }
                TenantContext ctx = TenantContext.system(tenant, "housekeeping");
                int purged = tx.call(
                        ctx,
                        dsl -> tokens.purgeExpired(dsl, ctx)
                                + keys.purgeOlderThan(
                                        dsl, ctx, OffsetDateTime.now(clock).minus(KEEP_IDEMPOTENCY_KEYS)));
                if (purged > 0) {
                    log.info("Housekeeping of tenant {} removed {} expired rows", tenant.slug(), purged);
                }
            }
        });
    }
}
