package com.weavecrm.dedupe;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.weavecrm.dedupe.internal.ScanRepository;
import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.access.PermissionService;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch duplicate scans of a whole object: started by a user, run in the background over the records
 * in that user's data scope, read back page by page. A scan is visible to whoever started it.
 */
@Service
public class DedupeScans {

    /** A scan's state. */
    public record Scan(
            UUID id,
            String object,
            String status,
            BigDecimal threshold,
            int recordsScanned,
            long pairsCompared,
            int pairsFound,
            String error,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {}

    /** A pair of records the scan found to be duplicates, with the evidence; {@code via} when linked through others. */
    public record Pair(UUID a, UUID b, double score, List<Evidence> reasons, UUID via) {}

    public record PairPage(List<Pair> data, String nextCursor) {}

    private final TenantTx tx;
    private final PermissionService permissions;
    private final ScanRepository scans;
    private final DedupeSettingsService settings;
    private final SchedulerClient scheduler;
    private final ScanPairs pairs;

    public DedupeScans(
            TenantTx tx,
            PermissionService permissions,
            ScanRepository scans,
            DedupeSettingsService settings,
            SchedulerClient scheduler,
            JsonMapper json) {
        this.tx = tx;
        this.permissions = permissions;
        this.scans = scans;
        this.settings = settings;
        this.scheduler = scheduler;
        this.pairs = new ScanPairs(json);
    }

    public Scan start(TenantContext ctx, String object) {
        DedupeSettingsService.requireSupported(object);
        permissions.require(ctx, object, Action.READ);
        UUID id = UUID.randomUUID();
        Scan scan = tx.call(ctx, dsl -> {
            scans.create(
                    dsl,
                    ctx.tenant(),
                    id,
                    object,
                    ctx.userId(),
                    settings.get(dsl, ctx, object).threshold());
            return view(scans.find(dsl, ctx.tenant(), id).orElseThrow());
        });
        ScanJob job = new ScanJob(
                ctx.tenant().id(),
                id,
                ctx.userId(),
                ctx.securityVersion(),
                ctx.locale().toLanguageTag());
        scheduler.scheduleIfNotExists(
                ScanTaskConfiguration.SCAN.instance(id.toString()).data(job).build(), Instant.now());
        return scan;
    }

    public Scan get(TenantContext ctx, UUID id) {
        return view(own(ctx, id));
    }

    public PairPage pairs(TenantContext ctx, UUID id, String cursor, int limit) {
        own(ctx, id);
        int after = parseCursor(cursor);
        List<ScanRepository.StoredPair> page = tx.call(ctx, dsl -> scans.page(dsl, ctx.tenant(), id, after, limit + 1));
        List<Pair> data = page.stream().limit(limit).map(pairs::read).toList();
        String next = page.size() > limit ? Integer.toString(page.get(limit - 1).seq()) : null;
        return new PairPage(data, next);
    }

    private ScanRepository.Scan own(TenantContext ctx, UUID id) {
        return tx.call(ctx, dsl -> scans.find(dsl, ctx.tenant(), id))
                .filter(s -> s.requestedBy().equals(ctx.userId()))
                .orElseThrow(ApiException::notFound);
    }

    private static int parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("cursor", "invalid_format");
        }
    }

    private static Scan view(ScanRepository.Scan s) {
        return new Scan(
                s.id(),
                s.object(),
                s.status(),
                s.threshold(),
                s.recordsScanned(),
                s.pairsCompared(),
                s.pairsFound(),
                s.error(),
                s.startedAt(),
                s.finishedAt());
    }
}
