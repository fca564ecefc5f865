package com.weavecrm.dedupe;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantRegistry;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Batch scans run as durable one-time tasks: a scan that a restart interrupts runs again. A recurring
 * task files records that have no keys yet (bulk loads, records older than duplicate detection), a
 * bounded batch at a time, so the real-time check sees them too.
 */
@Configuration(proxyBeanMethods = false)
class ScanTaskConfiguration {

    static final TaskDescriptor<ScanJob> SCAN = TaskDescriptor.of("dedupe-scan", ScanJob.class);

    private static final Duration BUDGET = Duration.ofSeconds(20);

    @Bean
    OneTimeTask<ScanJob> dedupeScanTask(ScanRunner runner) {
        return Tasks.oneTime(SCAN).execute((instance, context) -> runner.run(instance.getData()));
    }

    @Bean
    RecurringTask<Void> dedupeKeyBackfillTask(TenantRegistry tenants, MetadataService metadata, ScanRunner runner) {
        return Tasks.recurring("dedupe-key-backfill", FixedDelay.ofSeconds(10)).execute((instance, context) -> {
            long deadline = System.nanoTime() + BUDGET.toNanos();
            for (Tenant tenant : tenants.all()) {
                if (!tenant.isActive()) {
                    continue;
                }
                TenantContext ctx = TenantContext.system(tenant, "dedupe-key-backfill");
                for (String object : DedupeSettingsService.OBJECTS) {
                    if (!runner.fileUnkeyed(ctx, metadata.object(ctx, object), deadline)) {
                        return;
                    }
                }
            }
        });
    }
}
