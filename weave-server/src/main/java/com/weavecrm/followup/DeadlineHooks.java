package com.weavecrm.followup;

import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.OwnerHook;
import com.weavecrm.platform.records.RecordHook;
import com.weavecrm.platform.records.RecordOwners;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lead and activity writes, and owner moves around the writer (pool, hand-over), move deadlines in their transaction. */
@Configuration(proxyBeanMethods = false)
class DeadlineHooks {

    @Bean
    RecordHook leadDeadlines(Deadlines deadlines) {
        return RecordHook.after("lead", deadlines::leadWritten);
    }

    @Bean
    OwnerHook leadOwners(Deadlines deadlines) {
        return new OwnerHook() {
            @Override
            public String object() {
                return "lead";
            }

            @Override
            public void ownersMoved(
                    DSLContext dsl,
                    TenantContext ctx,
                    ObjectDef object,
                    List<RecordOwners.OwnerChange> moved,
                    UUID newOwner) {
                deadlines.ownersMoved(
                        dsl,
                        ctx,
                        moved.stream().map(RecordOwners.OwnerChange::recordId).toList(),
                        newOwner);
            }
        };
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
