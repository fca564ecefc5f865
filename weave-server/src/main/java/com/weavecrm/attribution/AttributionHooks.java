package com.weavecrm.attribution;

import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.RecordHook;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * New records start their attribution as they are created, in the write's transaction: a customer
 * from its own channel; a deal from its own channel when given, else from its customer's latest touch.
 */
@Configuration(proxyBeanMethods = false)
class AttributionHooks {

    @Bean
    RecordHook customerAttribution(Attribution attribution) {
        return new Creating("customer", (dsl, ctx, values) -> own(values, attribution));
    }

    @Bean
    RecordHook dealAttribution(Attribution attribution) {
        return new Creating(
                "deal",
                (dsl, ctx, values) -> own(values, attribution)
                        .or(() -> customerOf(values).flatMap(customer -> attribution.lastTouch(dsl, ctx, customer))));
    }

    private static Optional<Touch> own(Map<String, Object> values, Attribution attribution) {
        return values.get("channel") instanceof String channel && !channel.isBlank()
                ? Optional.of(new Touch(channel, null, attribution.now()))
                : Optional.empty();
    }

    private static Optional<UUID> customerOf(Map<String, Object> values) {
        Object customer = values.get("customerId");
        return customer == null ? Optional.empty() : Optional.of(UUID.fromString(customer.toString()));
    }

    /** How a new record of an object is first touched. */
    @FunctionalInterface
    interface FirstTouch {
        Optional<Touch> of(DSLContext dsl, TenantContext ctx, Map<String, Object> values);
    }

    /** Fills the first and the latest touch of a record being created. */
    private record Creating(String object, FirstTouch firstTouch) implements RecordHook {

        @Override
        public void beforeWrite(
                DSLContext dsl,
                TenantContext ctx,
                ObjectDef def,
                Map<String, Object> before,
                Map<String, Object> values,
                List<FieldError> errors) {
            if (!before.isEmpty() || !errors.isEmpty()) {
                return;
            }
            Optional<TouchFields> first = TouchFields.of(def, TouchFields.FIRST);
            Optional<TouchFields> last = TouchFields.of(def, TouchFields.LAST);
            if (first.isEmpty() || last.isEmpty()) {
                return;
            }
            firstTouch.of(dsl, ctx, values).ifPresent(touch -> {
                values.putAll(first.get().values(touch));
                values.putAll(last.get().values(touch));
            });
        }
    }
}
