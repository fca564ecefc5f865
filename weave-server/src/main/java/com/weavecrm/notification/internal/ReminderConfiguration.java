package com.weavecrm.notification.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.weavecrm.platform.records.RecordHook;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Task reminders: a hook on every write of a task keeps its pending reminder in step, and a durable
 * recurring task (db-scheduler: one server at a time, nothing lost over a restart since reminders are
 * rows) fires the due ones every two seconds, tenant by tenant.
 */
@Configuration(proxyBeanMethods = false)
class ReminderConfiguration {

    @Bean
    RecordHook taskReminderHook(TaskReminders reminders) {
        return RecordHook.after(
                "task", (dsl, ctx, object, id, before, after) -> reminders.afterWrite(dsl, ctx, id, after));
    }

    @Bean
    RecurringTask<Void> taskReminderSweep(TenantRegistry tenants, ReminderRunner runner) {
        return Tasks.recurring("task-reminder-sweep", FixedDelay.ofSeconds(2))
                .execute((instance, context) ->
                        tenants.all().stream().filter(Tenant::isActive).forEach(runner::sweep));
    }
}
