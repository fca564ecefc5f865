package com.weavecrm.dedupe;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import com.weavecrm.dedupe.internal.BlockingKeys;
import com.weavecrm.dedupe.internal.DedupeRepository;
import com.weavecrm.dedupe.internal.Profiles;
import com.weavecrm.dedupe.internal.ScanRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.Tenant;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantRegistry;
import com.weavecrm.platform.tenancy.TenantTx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a batch scan: gives records without keys their keys, compares every pair of records filed under
 * a common key (in the requester's data scope), links the duplicates into groups, and stores every pair
 * of each group with its evidence — most certain first.
 */
@Component
class ScanRunner {

    private static final Logger log = LoggerFactory.getLogger(ScanRunner.class);
    private static final int KEY_BATCH = 1_000;
    private static final int WRITE_BATCH = 1_000;
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final TenantRegistry tenants;
    private final TenantTx tx;
    private final MetadataService metadata;
    private final PermissionService permissions;
    private final DedupeRepository repository;
    private final ScanRepository scans;
    private final Profiles profiles;
    private final ScanPairs pairs;

    ScanRunner(
            TenantRegistry tenants,
            TenantTx tx,
            MetadataService metadata,
            PermissionService permissions,
            DedupeRepository repository,
            ScanRepository scans,
            Profiles profiles,
            JsonMapper json) {
        this.tenants = tenants;
        this.tx = tx;
        this.metadata = metadata;
        this.permissions = permissions;
        this.repository = repository;
        this.scans = scans;
        this.profiles = profiles;
        this.pairs = new ScanPairs(json);
    }

    void run(ScanJob job) {
        Tenant tenant = tenants.findById(job.tenantId()).orElse(null);
        if (tenant == null) {
            return;
        }
        TenantContext ctx = new TenantContext(
                tenant,
                job.userId(),
                job.securityVersion(),
                0,
                "dedupe-scan-" + job.scanId(),
                null,
                Locale.forLanguageTag(job.locale()));
        ScanRepository.Scan scan =
                tx.call(ctx, dsl -> scans.find(dsl, tenant, job.scanId())).orElse(null);
        if (scan == null || !scan.status().equals("running")) {
            return;
        }
        try {
            ObjectDef object = metadata.object(ctx, scan.object());
            fileUnkeyed(ctx, object);
            Condition scope =
                    permissions.scope(ctx, object.apiName(), Action.READ, field(name("r", "owner_id"), UUID.class));
            int records = tx.call(ctx, dsl -> repository.countInScope(dsl, tenant, object, scope));
            long[] reported = {System.nanoTime()};
            PairCollector collector =
                    new PairCollector(profiles, scan.threshold().doubleValue(), running -> {
                        if (System.nanoTime() - reported[0] > PROGRESS_EVERY_NANOS) {
                            reported[0] = System.nanoTime();
                            tx.callSeparately(ctx, dsl -> {
                                scans.progress(dsl, tenant, scan.id(), records, running.compared(), running.found());
                                return null;
                            });
                        }
                    });
            tx.call(ctx, dsl -> {
                collector.compare(dsl, ctx, object, repository, scope);
                return null;
            });
            List<DedupeScans.Pair> found = collector.grouped();
            found.sort(Comparator.comparingDouble(DedupeScans.Pair::score).reversed());
            tx.run(ctx, dsl -> store(dsl, tenant, scan.id(), found, records, collector.compared()));
            log.info(
                    "dedupe scan {} of {}: {} pairs compared, {} found",
                    scan.id(),
                    object.apiName(),
                    collector.compared(),
                    found.size());
        } catch (RuntimeException e) {
            log.warn("dedupe scan {} failed", scan.id(), e);
            tx.run(ctx, dsl -> scans.finish(dsl, tenant, scan.id(), "failed", String.valueOf(e.getMessage())));
        }
    }

    private void store(
            DSLContext dsl, Tenant tenant, UUID scan, List<DedupeScans.Pair> found, int records, long compared) {
        scans.clearPairs(dsl, tenant, scan);
        List<ScanRepository.StoredPair> batch = new ArrayList<>(WRITE_BATCH);
        for (int i = 0; i < found.size(); i++) {
            batch.add(pairs.write(i + 1, found.get(i)));
            if (batch.size() == WRITE_BATCH) {
                scans.addPairs(dsl, tenant, scan, batch);
                batch.clear();
            }
        }
        scans.addPairs(dsl, tenant, scan, batch);
        scans.progress(dsl, tenant, scan, records, compared, found.size());
        scans.finish(dsl, tenant, scan, "done", null);
    }

    /** Files every record of the object that has no keys yet (loaded in bulk, or older than duplicate detection). */
    void fileUnkeyed(TenantContext ctx, ObjectDef object) {
        fileUnkeyed(ctx, object, Long.MAX_VALUE);
    }

    /** As {@link #fileUnkeyed(TenantContext, ObjectDef)}, stopping after the batch that passes {@code deadline} (nanoTime). */
    boolean fileUnkeyed(TenantContext ctx, ObjectDef object, long deadline) {
        UUID after = null;
        int done;
        do {
            UUID from = after;
            List<Map<String, Object>> rows =
                    tx.call(ctx, dsl -> repository.unkeyed(dsl, ctx.tenant(), object, from, KEY_BATCH));
            Map<UUID, Set<String>> keys = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                UUID id = (UUID) row.get("id");
                keys.put(id, BlockingKeys.of(profiles.of(id, row)));
                after = id;
            }
            tx.run(ctx, dsl -> repository.addKeys(dsl, ctx.tenant(), object.apiName(), keys));
            done = rows.size();
        } while (done == KEY_BATCH && System.nanoTime() < deadline);
        return done < KEY_BATCH;
    }
}
