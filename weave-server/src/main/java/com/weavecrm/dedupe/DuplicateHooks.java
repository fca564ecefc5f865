package com.weavecrm.dedupe;

import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.RecordHook;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On every write of a customer, contact or lead: refuses it (409, naming the records it duplicates)
 * when the tenant blocks duplicates, and files the record under its keys afterwards.
 */
@Configuration(proxyBeanMethods = false)
class DuplicateHooks {

    @Bean
    RecordHook customerDuplicates(DuplicateFinder finder, DedupeSettingsService settings) {
        return new Hook("customer", finder, settings);
    }

    @Bean
    RecordHook contactDuplicates(DuplicateFinder finder, DedupeSettingsService settings) {
        return new Hook("contact", finder, settings);
    }

    @Bean
    RecordHook leadDuplicates(DuplicateFinder finder, DedupeSettingsService settings) {
        return new Hook("lead", finder, settings);
    }

    private record Hook(String object, DuplicateFinder finder, DedupeSettingsService settings) implements RecordHook {

        @Override
        public void beforeWrite(
                DSLContext dsl,
                TenantContext ctx,
                ObjectDef object,
                Map<String, Object> before,
                Map<String, Object> values,
                List<FieldError> errors) {
            if (!errors.isEmpty()
                    || settings.get(dsl, ctx, object.apiName()).onWrite() != DedupeSettings.OnWrite.BLOCK) {
                return;
            }
            Map<String, Object> record = new LinkedHashMap<>(before);
            record.putAll(values);
            List<DuplicateFinder.Match> matches = finder.find(dsl, ctx, object, record, (UUID) before.get("id"));
            if (!matches.isEmpty()) {
                throw ApiException.conflict(
                        "problem.duplicate_record",
                        matches.stream()
                                .map(m -> FieldError.of("id", "duplicate_of", m.id().toString()))
                                .toList());
            }
        }

        @Override
        public void afterWrite(
                DSLContext dsl,
                TenantContext ctx,
                ObjectDef object,
                UUID id,
                Map<String, Object> before,
                Map<String, Object> after) {
            // a record that had no values had no keys either (created, or restored: deleting took its keys away)
            finder.file(dsl, ctx, object, id, after, before.isEmpty());
        }
    }
}
