package com.weavecrm.notification.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deliveries run as durable one-time tasks: scheduled in the transaction that stores the
 * notification, run after it commits on whichever server polls first, and after a failed attempt
 * run again later (see {@link DeliveryRunner#retryAfter}) until {@link DeliveryRunner#MAX_ATTEMPTS}
 * attempts have failed.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryTasks {

    static final TaskDescriptor<DeliveryJob> DELIVERY = TaskDescriptor.of("notification-delivery", DeliveryJob.class);

    @Bean
    CustomTask<DeliveryJob> notificationDeliveryTask(DeliveryRunner runner) {
        return Tasks.custom(DELIVERY).execute((instance, context) -> {
            Optional<Duration> retry = runner.run(instance.getData());
            if (retry.isEmpty()) {
                return new CompletionHandler.OnCompleteRemove<>();
            }
            return (complete, operations) ->
                    operations.reschedule(complete, Instant.now().plus(retry.get()));
        });
    }
}
