package com.weavecrm.platform.search;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.Column;
import com.weavecrm.platform.records.SearchDocument;
import com.weavecrm.platform.search.internal.SearchRepository;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantRegistry;
import com.weavecrm.platform.tenancy.TenantTx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives records written around the product (bulk loads, older versions) their search document: a
 * durable job (db-scheduler) that every few seconds takes rows without one, in batches, tenant by
 * tenant, for a bounded time.
 */
@Configuration(proxyBeanMethods = false)
class SearchBackfill {

    private static final Logger log = LoggerFactory.getLogger(SearchBackfill.class);
    private static final int BATCH = 1_000;
    private static final Duration BUDGET = Duration.ofSeconds(20);

    @Bean
    RecurringTask<Void> searchBackfillTask(
            TenantRegistry tenants, TenantTx tx, MetadataService metadata, SearchRepository repository) {
        return Tasks.recurring("search-backfill", FixedDelay.ofSeconds(10)).execute((instance, context) -> {
            long deadline = System.nanoTime() + BUDGET.toNanos();
            for (Tenant tenant : tenants.all()) {
                if (!tenant.isActive()) {
                    continue;
                }
                TenantContext ctx = TenantContext.system(tenant, "search-backfill");
                for (ObjectDef object : metadata.catalog(ctx).all()) {
                    if (!SearchDocument.appliesTo(object)) {
                        continue;
                    }
                    int done;
                    do {
                        done = tx.call(ctx, dsl -> fill(dsl, ctx, object, repository));
                    } while (done == BATCH && System.nanoTime() < deadline);
                    if (System.nanoTime() >= deadline) {
                        return;
                    }
                }
            }
        });
    }

    private static int fill(org.jooq.DSLContext dsl, TenantContext ctx, ObjectDef object, SearchRepository repository) {
        List<Column> columns =
                Column.all(object).stream().filter(c -> !c.isSystem()).toList();
        List<Map<String, Object>> rows = repository.unsearchable(dsl, ctx.tenant(), object.table(), columns, BATCH);
        Map<UUID, String[]> documents = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            SearchDocument.Text text = SearchDocument.of(object, row);
            documents.put((UUID) row.get("id"), new String[] {text.text(), text.initials()});
        }
        if (!documents.isEmpty()) {
            repository.store(dsl, ctx.tenant(), object.table(), documents);
            log.debug(
                    "search documents for {} {} records of tenant {}",
                    documents.size(),
                    object.apiName(),
                    ctx.tenant().slug());
        }
        return rows.size();
    }
}
