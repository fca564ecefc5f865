package com.weavecrm.followup;

import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.RecordHook;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lead and activity writes move deadlines, in the write's transaction. */
@Configuration(proxyBeanMethods = false)
class DeadlineHooks {

    @Bean
    RecordHook leadDeadlines(Deadlines deadlines) {
        return new RecordHook() {
            @Override
            public String object() {
                return "lead";
            }

            @Override
            public void afterWrite(
                    DSLContext dsl,
                    TenantContext ctx,
                    ObjectDef object,
                    UUID id,
                    Map<String, Object> before,
                    Map<String, Object> after) {
                deadlines.leadWritten(dsl, ctx, object, id, before, after);
            }
        };
    }

    @Bean
    RecordHook activityDeadlines(Deadlines deadlines, MetadataService metadata) {
        return new RecordHook() {
            @Override
            public String object() {
                return "activity";
            }

            @Override
            public void afterWrite(
                    DSLContext dsl,
                    TenantContext ctx,
                    ObjectDef object,
                    UUID id,
                    Map<String, Object> before,
                    Map<String, Object> after) {
                Object customer = after == null ? null : after.get("customerId");
                if (before.isEmpty() && customer != null) {
                    deadlines.activityLogged(
                            dsl,
                            ctx,
                            metadata.object(ctx, "lead"),
                            UUID.fromString(customer.toString()),
                            String.valueOf(after.get("kind")));
                }
            }
        };
    }
}
