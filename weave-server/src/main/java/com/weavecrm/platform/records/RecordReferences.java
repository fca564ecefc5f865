package com.weavecrm.platform.records;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectCatalog;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.internal.ReferenceRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Table;
import org.springframework.stereotype.Service;

/**
 * Who points at a record, and moving those pointers to another record of the same object: every
 * lookup field whose target is the object, and every text pair {@code relatedObject}/{@code
 * relatedId} (tasks). Moves are set-based (one statement per reference), include children in the
 * recycle bin, move each child's version on and keep rollups current. They are not checked against
 * the caller's scope: a parent's children follow it whoever owns them — the caller of a move must
 * have checked the right to change the parents.
 */
@Service
public class RecordReferences {

    private final TenantTx tx;
    private final MetadataService metadata;
    private final ReferenceRepository repository;
    private final Rollups rollups;

    public RecordReferences(TenantTx tx, MetadataService metadata, ReferenceRepository repository, Rollups rollups) {
        this.tx = tx;
        this.metadata = metadata;
        this.repository = repository;
        this.rollups = rollups;
    }

    /** Every reference to records of {@code target}, in catalog order. */
    public List<Reference> to(TenantContext ctx, String target) {
        List<Reference> references = new ArrayList<>();
        for (ObjectDef object : metadata.catalog(ctx).all()) {
            for (FieldDef field : object.fields()) {
                if (field.type() == FieldType.LOOKUP && target.equals(field.target())) {
                    references.add(Reference.lookup(object.apiName(), field.apiName()));
                }
            }
            if (isTextPair(object.field(Reference.RELATED_OBJECT).orElse(null))
                    && isTextPair(object.field(Reference.RELATED_ID).orElse(null))) {
                references.add(Reference.related(object.apiName()));
            }
        }
        return references;
    }

    /**
     * Points every child of {@code from} at {@code to} instead, except rows of {@code target} itself
     * listed in {@code untouched}; the ids of the rows moved, by reference.
     */
    public Map<Reference, List<UUID>> move(
            TenantContext ctx, String target, UUID from, UUID to, Collection<UUID> untouched) {
        ObjectCatalog catalog = metadata.catalog(ctx);
        Map<Reference, List<UUID>> moved = new LinkedHashMap<>();
        tx.run(ctx, dsl -> {
            for (Reference reference : to(ctx, target)) {
                ObjectDef child = catalog.find(reference.object()).orElseThrow();
                Collection<UUID> skipped = child.apiName().equals(target) ? untouched : List.of();
                List<UUID> ids = reference.isLookup()
                        ? repository.moveLookup(
                                dsl, table(ctx, child), column(child, reference.field()), from, to, skipped)
                        : repository.moveRelated(
                                dsl,
                                table(ctx, child),
                                column(child, reference.objectField()),
                                column(child, reference.field()),
                                target,
                                from,
                                to);
                if (!ids.isEmpty()) {
                    moved.put(reference, ids);
                    afterMove(ctx, child, reference, from, to);
                }
            }
        });
        return moved;
    }

    /**
     * Points the rows {@code ids} of one reference back from {@code from} to {@code to}, those that
     * still point at {@code from}; how many were moved back.
     */
    public int moveBack(
            TenantContext ctx, String target, Reference reference, Collection<UUID> ids, UUID from, UUID to) {
        ObjectDef child = metadata.catalog(ctx).find(reference.object()).orElse(null);
        if (child == null || ids.isEmpty()) {
            return 0;
        }
        return tx.call(ctx, dsl -> {
            int count = reference.isLookup()
                    ? repository.moveLookupBack(dsl, table(ctx, child), column(child, reference.field()), ids, from, to)
                    : repository.moveRelatedBack(
                            dsl,
                            table(ctx, child),
                            column(child, reference.objectField()),
                            column(child, reference.field()),
                            target,
                            ids,
                            from,
                            to);
            if (count > 0) {
                afterMove(ctx, child, reference, from, to);
            }
            return count;
        });
    }

    private void afterMove(TenantContext ctx, ObjectDef child, Reference reference, UUID from, UUID to) {
        if (reference.isLookup()) {
            String column = column(child, reference.field());
            tx.run(ctx, dsl -> rollups.afterWrite(dsl, ctx, child, Map.of(column, from), Map.of(column, to)));
        }
    }

    private static boolean isTextPair(FieldDef field) {
        return field != null && field.type() == FieldType.TEXT;
    }

    private static Table<?> table(TenantContext ctx, ObjectDef object) {
        return ctx.tenant().table(object.table());
    }

    private static String column(ObjectDef object, String field) {
        return object.field(field).orElseThrow().column();
    }
}
