package com.weavecrm.dedupe;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Batch scans run as durable one-time tasks: a scan that a restart interrupts runs again. */
@Configuration(proxyBeanMethods = false)
class ScanTaskConfiguration {

    static final TaskDescriptor<ScanJob> SCAN = TaskDescriptor.of("dedupe-scan", ScanJob.class);

    @Bean
    OneTimeTask<ScanJob> dedupeScanTask(ScanRunner runner) {
        return Tasks.oneTime(SCAN).execute((instance, context) -> runner.run(instance.getData()));
    }
}
