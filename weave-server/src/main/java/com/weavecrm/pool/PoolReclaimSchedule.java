package com.weavecrm.pool;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantRegistry;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reclaim as a durable recurring task (db-scheduler, one node at a time in a cluster): every ten
 * minutes, tenant by tenant and pool by pool, for at most two minutes a run; what is left waits for
 * the next run.
 */
@Configuration(proxyBeanMethods = false)
class PoolReclaimSchedule {

    private static final Duration BUDGET = Duration.ofMinutes(2);

    @Bean
    RecurringTask<Void> poolReclaimTask(TenantRegistry tenants, PublicPool pools) {
        return Tasks.recurring("pool-reclaim", FixedDelay.ofMinutes(10)).execute((instance, context) -> {
            long deadline = System.nanoTime() + BUDGET.toNanos();
            for (Tenant tenant : tenants.all()) {
                if (!tenant.isActive()) {
                    continue;
                }
                pools.reclaimTenant(tenant, deadline);
                if (System.nanoTime() > deadline) {
                    return;
                }
            }
        });
    }
}
