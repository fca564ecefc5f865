package com.weavecrm.followup;

import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.records.RecordHook;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lead and activity writes move deadlines, in the write's transaction. */
@Configuration(proxyBeanMethods = false)
class DeadlineHooks {

    @Bean
    RecordHook leadDeadlines(Deadlines deadlines) {
        return RecordHook.after("lead", deadlines::leadWritten);
    }

    @Bean
    RecordHook activityDeadlines(Deadlines deadlines, MetadataService metadata) {
        return RecordHook.after("activity", (dsl, ctx, object, id, before, after) -> {
            Object customer = after == null ? null : after.get("customerId");
            if (before.isEmpty() && customer != null) {
                deadlines.activityLogged(
                        dsl,
                        ctx,
                        metadata.object(ctx, "lead"),
                        UUID.fromString(customer.toString()),
                        String.valueOf(after.get("kind")));
            }
        });
    }
}
