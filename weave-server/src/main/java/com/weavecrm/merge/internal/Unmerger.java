package com.weavecrm.merge.internal;

import com.weavecrm.merge.Merge;
import com.weavecrm.merge.MergeResult;
import com.weavecrm.platform.audit.AuditAction;
import com.weavecrm.platform.audit.AuditLog;
import com.weavecrm.platform.audit.FieldChange;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.RecordReferences;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.records.RecordWriter;
import com.weavecrm.platform.records.Reference;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Undoes a merge in one tenant transaction: the survivor gets back its values from before (409 when
 * one of them was changed since), every child the merge moved and that still points at the survivor
 * goes back to the record it came from, the merged records come back from the recycle bin, and the
 * undo is audited ({@code unmerge}) and marked. A merge is undone once; a second undo is 409.
 */
@Component
public class Unmerger {

    private final TenantTx tx;
    private final MetadataService metadata;
    private final RecordService records;
    private final RecordWriter writer;
    private final RecordReferences references;
    private final AuditLog audit;
    private final MergeParticipants participants;
    private final MergeRepository repository;
    private final SurvivorValues survivorValues;

    public Unmerger(
            TenantTx tx,
            MetadataService metadata,
            RecordService records,
            RecordWriter writer,
            RecordReferences references,
            AuditLog audit,
            MergeParticipants participants,
            MergeRepository repository,
            SurvivorValues survivorValues) {
        this.tx = tx;
        this.metadata = metadata;
        this.records = records;
        this.writer = writer;
        this.references = references;
        this.audit = audit;
        this.participants = participants;
        this.repository = repository;
        this.survivorValues = survivorValues;
    }

    public MergeResult undo(TenantContext ctx, UUID mergeId) {
        return tx.call(ctx, dsl -> {
            Merge merge = repository.find(dsl, ctx.tenant(), mergeId, true).orElseThrow(ApiException::notFound);
            ObjectDef object = metadata.catalog(ctx).find(merge.object()).orElseThrow(ApiException::notFound);
            if (!participants.readable(dsl, ctx, object, merge.survivorId())) {
                throw ApiException.notFound();
            }
            participants.requireRights(ctx, object);
            Map<UUID, RecordLocks.LockedRecord> rows =
                    participants.lock(dsl, ctx, object, merge.survivorId(), merge.mergedIds());
            if (merge.undone()) {
                throw ApiException.conflict("problem.merge_undone", List.of());
            }
            if (rows.get(merge.survivorId()).deleted()) {
                throw ApiException.conflict("problem.merge_survivor_deleted", List.of());
            }
            if (repository.mergedAgainLater(dsl, ctx.tenant(), merge)) {
                throw ApiException.conflict("problem.merge_superseded", List.of());
            }
            String name = object.apiName();
            Map<String, Object> before = records.get(ctx, name, merge.survivorId());
            Map<String, Object> after = survivorValues.restore(ctx, name, merge.survivorId(), merge.changes());
            List<Reference> known = references.to(ctx, name);
            for (MergeRepository.Children children : repository.children(dsl, ctx.tenant(), mergeId)) {
                known.stream()
                        .filter(r -> r.object().equals(children.object())
                                && r.field().equals(children.field()))
                        .findFirst()
                        .ifPresent(reference -> references.moveBack(
                                ctx, name, reference, children.recordIds(), merge.survivorId(), children.previousId()));
            }
            merge.mergedIds().stream()
                    .filter(id -> rows.get(id).deleted())
                    .forEach(id -> writer.restore(ctx, name, id));
            repository.markUndone(dsl, ctx.tenant(), mergeId, ctx.userId());
            List<FieldChange> restored = merge.changes().stream()
                    .map(c -> new FieldChange(c.field(), before.get(c.field()), after.get(c.field())))
                    .toList();
            String detail = MergeDetail.undone(merge);
            audit.record(dsl, ctx, AuditAction.UNMERGE, name, merge.survivorId(), restored, detail);
            merge.mergedIds().forEach(id -> audit.record(dsl, ctx, AuditAction.UNMERGE, name, id, List.of(), detail));
            Merge undone = repository.find(dsl, ctx.tenant(), mergeId, false).orElseThrow();
            return new MergeResult(undone, records.get(ctx, name, merge.survivorId()));
        });
    }
}
