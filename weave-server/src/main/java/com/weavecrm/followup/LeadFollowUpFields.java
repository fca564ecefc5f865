package com.weavecrm.followup;

import com.weavecrm.followup.internal.LeadFieldsRepository;
import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.MetadataService;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.tenancy.TenantUpgrade;
import java.util.Collection;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Keeps the lead's standard read-only fields {@code firstResponseMinutes} and {@code followUpStatus}
 * in step with its deadlines, in the transaction that moved them, so that lead lists show, filter and
 * sort by them like any other field. After an upgrade that added the fields, fills them in for the
 * leads that already had deadlines.
 */
@Component
class LeadFollowUpFields implements TenantUpgrade {

    static final String MINUTES = "firstResponseMinutes";
    static final String STATUS = "followUpStatus";

    private final MetadataService metadata;
    private final LeadFieldsRepository repository;
    private final TenantTx tx;

    LeadFollowUpFields(MetadataService metadata, LeadFieldsRepository repository, TenantTx tx) {
        this.metadata = metadata;
        this.repository = repository;
        this.tx = tx;
    }

    /** Recomputes both fields of these leads from their deadlines. */
    void refresh(DSLContext dsl, TenantContext ctx, Collection<java.util.UUID> leads) {
        if (!leads.isEmpty()) {
            columns(ctx).ifPresent(columns -> repository.refresh(dsl, ctx.tenant(), columns, leads));
        }
    }

    @Override
    public void upgrade(TenantContext ctx) {
        columns(ctx).ifPresent(columns -> tx.run(ctx, dsl -> repository.backfill(dsl, ctx.tenant(), columns)));
    }

    /** The lead's columns of both fields, when the lead has them as the product's own (standard) fields. */
    private Optional<LeadFieldsRepository.Columns> columns(TenantContext ctx) {
        Optional<ObjectDef> lead = metadata.catalog(ctx).find("lead");
        Optional<FieldDef> minutes = lead.flatMap(l -> l.field(MINUTES)).filter(FieldDef::standard);
        Optional<FieldDef> status = lead.flatMap(l -> l.field(STATUS)).filter(FieldDef::standard);
        if (minutes.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LeadFieldsRepository.Columns(
                lead.get().table(), minutes.get().column(), status.get().column()));
    }
}
