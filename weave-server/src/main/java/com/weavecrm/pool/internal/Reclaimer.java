package com.weavecrm.pool.internal;

import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectCatalog;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.RecordOwners;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.pool.Pool;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes the inactive records of one pool back, set-based: each batch is one statement choosing and
 * un-owning up to {@value #BATCH} records (skipping rows someone is writing), one statement filing
 * them in the pool and a batched audit insert, in its own transaction; at most {@value #MAX_PER_RUN}
 * records per pool and run, so a first run over a large backlog spreads over several runs.
 */
@Component
public class Reclaimer {

    public static final int BATCH = 500;
    public static final int MAX_PER_RUN = 5_000;
    public static final String REASON = "inactive";
    private static final Logger log = LoggerFactory.getLogger(Reclaimer.class);

    private final TenantTx tx;
    private final MetadataService metadata;
    private final RecordService records;
    private final RecordOwners owners;
    private final PoolEntryRepository entries;
    private final PoolNotices notices;
    private final Clock clock;

    public Reclaimer(
            TenantTx tx,
            MetadataService metadata,
            RecordService records,
            RecordOwners owners,
            PoolEntryRepository entries,
            PoolNotices notices,
            Clock clock) {
        this.tx = tx;
        this.metadata = metadata;
        this.records = records;
        this.owners = owners;
        this.entries = entries;
        this.notices = notices;
        this.clock = clock;
    }

    /** Reclaims for the pool as the product ({@code ctx} is a system context); how many records it took. */
    public int reclaim(TenantContext ctx, Pool pool, long deadlineNanos) {
        ObjectCatalog catalog = metadata.catalog(ctx);
        Optional<ObjectDef> object = catalog.find(pool.object());
        Optional<ObjectDef> activity = catalog.find("activity");
        if (object.isEmpty() || activity.isEmpty()) {
            return 0;
        }
        Condition filter;
        try {
            filter = records.productFilter(ctx, object.get(), pool.condition());
        } catch (ApiException e) {
            log.warn(
                    "pool {} of tenant {}: its condition no longer compiles ({}); nothing reclaimed",
                    pool.id(),
                    ctx.tenant().slug(),
                    e.getMessage());
            return 0;
        }
        Optional<String> customer = "customer".equals(pool.object())
                ? Optional.of("id")
                : object.get().field("customerId").map(FieldDef::column);
        Optional<PoolEntryRepository.ActivityTable> activities = activity.get()
                .field("customerId")
                .flatMap(c -> activity.get()
                        .field("occurredAt")
                        .map(o -> new PoolEntryRepository.ActivityTable(
                                ctx.tenant().table(activity.get().table()), c.column(), o.column())));
        if (customer.isEmpty() || activities.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Condition where = PoolEntryRepository.inactive(
                now.minusDays(pool.inactiveDays()), filter, customer.get(), activities.get());
        String detail = PoolDetails.of(pool, null);
        int total = 0;
        while (total < MAX_PER_RUN) {
            int moved = tx.call(ctx, dsl -> {
                List<RecordOwners.OwnerChange> changes = owners.move(
                        dsl,
                        ctx,
                        object.get(),
                        new RecordOwners.Move(where, null, now, BATCH, true, AuditAction.POOL_RECLAIM, detail));
                entries.enter(dsl, ctx.tenant(), pool.id(), pool.object(), changes, now, REASON, null);
                notices.pooled(dsl, ctx, pool, object.get(), changes, REASON);
                return changes.size();
            });
            total += moved;
            if (moved < BATCH || System.nanoTime() > deadlineNanos) {
                break;
            }
        }
        if (total > 0) {
            log.info(
                    "pool {} of tenant {}: {} inactive records reclaimed",
                    pool.name(),
                    ctx.tenant().slug(),
                    total);
        }
        return total;
    }
}
