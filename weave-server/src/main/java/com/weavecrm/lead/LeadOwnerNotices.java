package com.weavecrm.lead;

import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.SystemFields;
import com.weavecrm.platform.records.OwnerHook;
import com.weavecrm.platform.records.RecordHook;
import com.weavecrm.platform.records.RecordOwners;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A lead's new owner is told when a colleague changes the owner on the record, and when a hand-over
 * moves leads to them. Changes the product makes itself (an escalation) tell the owner where they are
 * made, with their own reason; claims are the claimant's own doing.
 */
@Configuration(proxyBeanMethods = false)
class LeadOwnerNotices {

    @Bean
    RecordHook leadTransferNotices(LeadNotices notices) {
        return RecordHook.after("lead", (dsl, ctx, object, id, before, after) -> {
            if (before.isEmpty() || after == null || ctx.userId() == null) {
                return;
            }
            Object owner = after.get(SystemFields.OWNER_ID);
            if (owner != null && !Objects.equals(owner, before.get(SystemFields.OWNER_ID))) {
                notices.transferred(dsl, ctx, id, LeadNotices.LeadNames.of(after), UUID.fromString(owner.toString()));
            }
        });
    }

    @Bean
    OwnerHook leadHandOverNotices(LeadNotices notices) {
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
                if (newOwner == null) {
                    return;
                }
                Map<UUID, List<UUID>> byPrevious = new LinkedHashMap<>();
                for (RecordOwners.OwnerChange change : moved) {
                    if (change.previousOwner() != null) {
                        byPrevious
                                .computeIfAbsent(change.previousOwner(), k -> new ArrayList<>())
                                .add(change.recordId());
                    }
                }
                byPrevious.forEach((previous, leads) -> notices.handedOver(dsl, ctx, leads, previous, newOwner));
            }
        };
    }
}
