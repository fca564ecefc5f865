package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The side-by-side view of the records to merge: one column per record, one row per field the caller
 * may change (and the owner), each value formatted as its page shows it, and the value chosen by
 * default — the survivor's unless it is empty, then the first record's that is not.
 */
@Component
class MergeComparison {

    private final RecordView view;

    MergeComparison(RecordView view) {
        this.view = view;
    }

    /** A record to merge: its id, title, cid and version. */
    record Column(String id, String title, String cid, long version) {}

    /** One value of a row: the record it is taken from, as shown. */
    record Option(String recordId, Cell cell) {}

    /** A field: its options, whether they differ, and the record whose value is chosen. */
    record Row(String field, String label, boolean differs, String chosen, List<Option> options) {}

    record Comparison(List<Column> columns, List<Row> rows) {}

    Comparison of(TenantContext ctx, ObjectFields.Fields fields, List<Map<String, Object>> records, UUID survivor) {
        List<RecordView.Shown> shown =
                records.stream().map(r -> view.of(ctx, fields, r)).toList();
        List<Column> columns = shown.stream()
                .map(s -> new Column(
                        String.valueOf(s.record().get("id")),
                        s.title(),
                        s.record().get("cid") == null
                                ? null
                                : s.record().get("cid").toString(),
                        s.version()))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (FieldView field : choosable(fields)) {
            List<Option> options = new ArrayList<>();
            shown.forEach(s -> options.add(
                    new Option(String.valueOf(s.record().get("id")), s.cells().get(field.apiName()))));
            List<Object> values =
                    records.stream().map(r -> r.get(field.apiName())).toList();
            boolean differs = values.stream().distinct().count() > 1;
            rows.add(new Row(
                    field.apiName(), field.label(), differs, chosen(records, field.apiName(), survivor), options));
        }
        return new Comparison(columns, rows);
    }

    /** The fields whose surviving value the caller chooses: every field they may write, and the owner. */
    static List<FieldView> choosable(ObjectFields.Fields fields) {
        List<FieldView> choosable = new ArrayList<>(
                fields.object().fields().stream().filter(f -> !f.readOnly()).toList());
        if (fields.has("ownerId")) {
            choosable.add(fields.get("ownerId"));
        }
        return choosable;
    }

    private static String chosen(List<Map<String, Object>> records, String field, UUID survivor) {
        return records.stream()
                .filter(r -> survivor.toString().equals(String.valueOf(r.get("id"))) && !empty(r.get(field)))
                .findFirst()
                .or(() -> records.stream().filter(r -> !empty(r.get(field))).findFirst())
                .map(r -> String.valueOf(r.get("id")))
                .orElse(survivor.toString());
    }

    private static boolean empty(Object value) {
        return value == null
                || value.toString().isBlank()
                || (value instanceof java.util.Collection<?> c && c.isEmpty())
                || Objects.equals(value, List.of());
    }
}
