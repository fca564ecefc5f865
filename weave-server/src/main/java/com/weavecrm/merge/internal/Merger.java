package com.weavecrm.merge.internal;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import com.weavecrm.merge.Merge;
import com.weavecrm.merge.MergeRequest;
import com.weavecrm.merge.MergeResult;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.RecordReferences;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.records.Reference;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Makes a merge in one tenant transaction: locks every record (stale versions are 409), moves the
 * children of each merged record to the survivor, moves the merged records to the recycle bin, gives
 * the survivor the chosen values through the normal update (validation, hooks, history), then stores
 * and audits the merge. Any failure rolls all of it back.
 */
@Component
public class Merger {

    private final TenantTx tx;
    private final RecordService records;
    private final RecordWriter writer;
    private final RecordReferences references;
    private final AuditLog audit;
    private final MergeParticipants participants;
    private final MergeRepository repository;
    private final SurvivorValues survivorValues;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    public Merger(
            TenantTx tx,
            RecordService records,
            RecordWriter writer,
            RecordReferences references,
            AuditLog audit,
            MergeParticipants participants,
            MergeRepository repository,
            SurvivorValues survivorValues) {
        this.tx = tx;
        this.records = records;
        this.writer = writer;
        this.references = references;
        this.audit = audit;
        this.participants = participants;
        this.repository = repository;
        this.survivorValues = survivorValues;
    }

    public MergeResult merge(TenantContext ctx, ObjectDef object, MergeRequest request) {
        participants.requireRights(ctx, object);
        String name = object.apiName();
        UUID survivor = request.survivorId();
        return tx.call(ctx, dsl -> {
            checkVersions(request, participants.lock(dsl, ctx, object, survivor, request.mergedIds()));
            Map<String, Object> before = records.get(ctx, name, survivor);
            List<UUID> untouched = new ArrayList<>(request.mergedIds());
            untouched.add(survivor);
            List<MergeRepository.Children> moved = new ArrayList<>();
            for (UUID merged : request.mergedIds()) {
                references
                        .move(ctx, name, merged, survivor, untouched)
                        .forEach((reference, rows) -> moved.add(
                                new MergeRepository.Children(reference.object(), reference.field(), merged, rows)));
            }
            // first out of the way: unique values of the merged records may be the survivor's now
            request.mergedIds().forEach(merged -> writer.delete(ctx, name, merged));
            Map<String, Object> after = survivorValues.apply(ctx, name, survivor, request.values());
            Merge merge = new Merge(
                    ids.generate(),
                    name,
                    survivor,
                    request.mergedIds(),
                    survivorValues.changes(request.values(), before, after),
                    counts(moved),
                    null,
                    ctx.userId(),
                    null,
                    null);
            repository.insert(dsl, ctx.tenant(), merge);
            moved.forEach(children -> repository.insertChildren(dsl, ctx.tenant(), merge.id(), children));
            audit(dsl, ctx, merge, before, after);
            Merge stored = repository.find(dsl, ctx.tenant(), merge.id(), false).orElseThrow();
            return new MergeResult(stored, records.get(ctx, name, survivor));
        });
    }

    private static void checkVersions(MergeRequest request, Map<UUID, RecordLocks.LockedRecord> rows) {
        if (rows.values().stream().anyMatch(RecordLocks.LockedRecord::deleted)) {
            throw ApiException.notFound();
        }
        Long seen = request.survivorVersion();
        if (seen != null && seen != rows.get(request.survivorId()).version()) {
            throw ApiException.staleVersion();
        }
        request.mergedVersions().forEach((id, version) -> {
            if (version != rows.get(id).version()) {
                throw ApiException.staleVersion();
            }
        });
    }

    private void audit(
            DSLContext dsl, TenantContext ctx, Merge merge, Map<String, Object> before, Map<String, Object> after) {
        audit.record(
                dsl,
                ctx,
                AuditAction.MERGE,
                merge.object(),
                merge.survivorId(),
                survivorValues.fieldChanges(merge.changes(), before, after),
                MergeDetail.ofSurvivor(merge));
        for (UUID merged : merge.mergedIds()) {
            audit.record(dsl, ctx, AuditAction.MERGE, merge.object(), merged, List.of(), MergeDetail.ofMerged(merge));
        }
    }

    private static Map<String, Integer> counts(List<MergeRepository.Children> moved) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        moved.forEach(c -> counts.merge(
                Reference.lookup(c.object(), c.field()).key(), c.recordIds().size(), Integer::sum));
        return counts;
    }
}
