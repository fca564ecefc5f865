package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** One record as its page shows it: the values, formatted by type, with the names behind its ids. */
@Component
class RecordView {

    private final RecordService records;
    private final RecordNames names;
    private final CellFormatter cells;

    RecordView(RecordService records, RecordNames names, CellFormatter cells) {
        this.records = records;
        this.names = names;
        this.cells = cells;
    }

    /** The record, its formatted values, the names of its ids and the values its inputs show. */
    record Shown(
            Map<String, Object> record,
            long version,
            String title,
            Map<String, Cell> cells,
            Map<String, String> names,
            Map<String, Object> inputs) {}

    Shown of(TenantContext ctx, ObjectFields.Fields fields, UUID id) {
        return of(ctx, fields, records.get(ctx, fields.object().apiName(), id));
    }

    Shown of(TenantContext ctx, ObjectFields.Fields fields, Map<String, Object> record) {
        Map<String, String> known = names.of(ctx, fields.all(), java.util.List.of(record));
        CellFormatter.Context context = cells.context(ctx, fields.all(), known);
        return new Shown(
                record,
                ((Number) record.get("version")).longValue(),
                fields.title(record),
                cells.cells(fields.all(), record, context),
                known,
                FormValues.inputs(fields.all(), record, context.zone()));
    }

    static FieldView writableOrNull(ObjectFields.Fields fields, String field) {
        FieldView view = fields.get(field);
        return view == null || view.readOnly() ? null : view;
    }
}
