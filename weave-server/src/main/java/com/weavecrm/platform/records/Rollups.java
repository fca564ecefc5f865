package com.weavecrm.platform.records;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.records.internal.RecordRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Keeps rollup fields current: after a record is written, every rollup that sums up its object is
 * recomputed for the parents it pointed at before and points at now, in the same transaction.
 */
@Component
class Rollups {

    private final MetadataService metadata;
    private final RecordRepository repository;

    Rollups(MetadataService metadata, RecordRepository repository) {
        this.metadata = metadata;
        this.repository = repository;
    }

    /** {@code before} and {@code after} are the child's rows by column name (empty when absent). */
    void afterWrite(
            DSLContext dsl, TenantContext ctx, ObjectDef child, Map<String, Object> before, Map<String, Object> after) {
        for (ObjectDef parent : metadata.catalog(ctx).all()) {
            for (FieldDef field : parent.fields()) {
                FieldDef.Rollup rollup = field.rollup();
                if (field.type() != FieldType.ROLLUP
                        || rollup == null
                        || !rollup.object().equals(child.apiName())) {
                    continue;
                }
                FieldDef via = child.field(rollup.via()).orElse(null);
                if (via == null) {
                    continue;
                }
                Set<UUID> parents = new LinkedHashSet<>();
                parents.add((UUID) before.get(via.column()));
                parents.add((UUID) after.get(via.column()));
                parents.removeIf(Objects::isNull);
                if (parents.isEmpty()) {
                    continue;
                }
                String valueColumn = rollup.field() == null
                        ? null
                        : child.field(rollup.field()).map(FieldDef::column).orElse(null);
                repository.recomputeRollup(
                        dsl,
                        RecordRepository.table(ctx.tenant(), parent),
                        field.column(),
                        RecordRepository.table(ctx.tenant(), child),
                        via.column(),
                        rollup.function(),
                        valueColumn,
                        parents);
            }
        }
    }
}
