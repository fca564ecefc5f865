package com.weavecrm.platform.records;

import com.weavecrm.platform.access.Action;
import com.weavecrm.platform.audit.AuditPage;
import com.weavecrm.platform.audit.AuditQuery;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.tenancy.TenantTx;
import com.weavecrm.platform.web.ApiException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The history of one record: its audit entries, for anyone who may read the record, with the
 * changes of fields hidden from them left out.
 */
@Service
public class RecordHistory {

    private final RecordService records;
    private final AuditQuery audit;
    private final TenantTx tx;

    public RecordHistory(RecordService records, AuditQuery audit, TenantTx tx) {
        this.records = records;
        this.audit = audit;
        this.tx = tx;
    }

    public AuditPage of(TenantContext ctx, String objectApiName, UUID id, String cursor, int limit) {
        ObjectAccess access = records.access(ctx, objectApiName, Action.READ);
        if (tx.call(ctx, dsl -> records.read(dsl, ctx, access, id)).isEmpty()) {
            throw ApiException.notFound();
        }
        Set<String> visible = access.readable().keySet().stream().collect(Collectors.toSet());
        return audit.recordHistory(ctx, objectApiName, id.toString(), visible, cursor, limit);
    }
}
