package com.weavecrm.merge;

import com.weavecrm.merge.internal.MergeInput;
import com.weavecrm.merge.internal.MergeParticipants;
import com.weavecrm.merge.internal.MergeRepository;
import com.weavecrm.merge.internal.Merger;
import com.weavecrm.merge.internal.Unmerger;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectCatalog;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Merges records of any object into one survivor and undoes merges (see the package description).
 * The caller needs the update and delete rights on the object, and every record must lie within
 * their scope (else 404); a merge or an undo is one transaction — on any failure nothing changes.
 */
@Service
public class RecordMerges {

    private final TenantTx tx;
    private final MetadataService metadata;
    private final MergeParticipants participants;
    private final MergeRepository repository;
    private final Merger merger;
    private final Unmerger unmerger;

    public RecordMerges(
            TenantTx tx,
            MetadataService metadata,
            MergeParticipants participants,
            MergeRepository repository,
            Merger merger,
            Unmerger unmerger) {
        this.tx = tx;
        this.metadata = metadata;
        this.participants = participants;
        this.repository = repository;
        this.merger = merger;
        this.unmerger = unmerger;
    }

    /** A merge from its JSON body; {@code ifMatch} (the survivor's version) wins over the body's {@code version}. */
    public MergeResult merge(TenantContext ctx, JsonNode body, String ifMatch) {
        ObjectCatalog catalog = metadata.catalog(ctx);
        return merge(
                ctx, MergeInput.read(body, ifMatch, name -> catalog.find(name).isPresent()));
    }

    public MergeResult merge(TenantContext ctx, MergeRequest request) {
        ObjectCatalog catalog = metadata.catalog(ctx);
        MergeInput.require(request, name -> catalog.find(name).isPresent());
        return merger.merge(ctx, catalog.find(request.object()).orElseThrow(), request);
    }

    public MergeResult undo(TenantContext ctx, UUID mergeId) {
        return unmerger.undo(ctx, mergeId);
    }

    /** A merge whose survivor the caller may read; 404 otherwise. */
    public Merge get(TenantContext ctx, UUID mergeId) {
        return tx.call(
                ctx,
                dsl -> repository
                        .find(dsl, ctx.tenant(), mergeId, false)
                        .filter(m -> readable(dsl, ctx, m))
                        .orElseThrow(ApiException::notFound));
    }

    /** The active merge that folded this record into another, when the caller may read its survivor. */
    public Optional<Merge> mergedInto(TenantContext ctx, String object, UUID recordId) {
        return tx.call(
                ctx,
                dsl -> repository
                        .activeMergeOf(dsl, ctx.tenant(), object, recordId)
                        .flatMap(id -> repository.find(dsl, ctx.tenant(), id, false))
                        .filter(m -> readable(dsl, ctx, m)));
    }

    private boolean readable(org.jooq.DSLContext dsl, TenantContext ctx, Merge merge) {
        Optional<ObjectDef> object = metadata.catalog(ctx).find(merge.object());
        return object.isPresent() && participants.readable(dsl, ctx, object.get(), merge.survivorId());
    }
}
