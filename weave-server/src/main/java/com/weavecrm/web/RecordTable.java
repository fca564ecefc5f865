package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.records.ListRequest;
import com.weavecrm.platform.records.ListView;
import com.weavecrm.platform.records.ListViews;
import com.weavecrm.platform.records.RecordPage;
import com.weavecrm.platform.records.RecordService;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads one page of a list for a table or a kanban column: the columns (chosen, the view's or the
 * default ones), the filter (builder, advanced and the view's), the sort — then formats the rows.
 */
@Component
class RecordTable {

    static final int PAGE_SIZE = 50;
    private static final int DEFAULT_COLUMNS = 6;

    private final RecordService records;
    private final ListViews views;
    private final RecordNames names;
    private final CellFormatter cells;

    RecordTable(RecordService records, ListViews views, RecordNames names, CellFormatter cells) {
        this.records = records;
        this.views = views;
        this.names = names;
        this.cells = cells;
    }

    /** A row of the table: the record's id, version, title and its formatted values. */
    record Row(String id, long version, String title, Map<String, Cell> cells) {}

    /** A page of rows with the cursor of the next one and, on the first page, the total. */
    record Rows(List<Row> rows, String nextCursor, Long total, boolean estimate) {}

    /** The columns shown: those chosen, else the view's, else the first fields of the object. */
    List<FieldView> columns(ObjectFields.Fields fields, ListState state, ListView view) {
        List<String> names = !state.columns().isEmpty()
                ? state.columns()
                : view != null && view.fields() != null
                        ? Arrays.stream(view.fields().split(","))
                                .map(String::strip)
                                .toList()
                        : List.of();
        List<FieldView> chosen =
                names.stream().filter(fields::has).map(fields::get).distinct().toList();
        if (!chosen.isEmpty()) {
            return chosen;
        }
        List<FieldView> defaults = new ArrayList<>();
        defaults.add(fields.get(fields.nameField()));
        fields.object().fields().stream()
                .filter(f -> !f.apiName().equals(fields.nameField()) && !"long_text".equals(f.type()))
                .limit(DEFAULT_COLUMNS - 1)
                .forEach(defaults::add);
        return defaults.stream().filter(f -> f != null).toList();
    }

    Rows read(
            TenantContext ctx,
            ObjectFields.Fields fields,
            List<FieldView> columns,
            ListState state,
            String filter,
            String cursor,
            int limit) {
        List<String> selected =
                new ArrayList<>(columns.stream().map(FieldView::apiName).toList());
        if (!selected.contains(fields.nameField())) {
            selected.addFirst(fields.nameField());
        }
        String columnNames = String.join(",", selected);
        boolean first = cursor == null || cursor.isBlank();
        ListRequest request = new ListRequest(filter, state.sort(), columnNames, limit, first ? null : cursor, first);
        if (state.view() != null) {
            request = views.apply(ctx, state.object(), state.view(), request);
        }
        RecordPage page = records.list(ctx, state.object(), request);
        CellFormatter.Context context = cells.context(ctx, columns, names.of(ctx, columns, page.data()));
        List<Row> rows = page.data().stream()
                .map(r -> new Row(
                        String.valueOf(r.get("id")),
                        ((Number) r.get("version")).longValue(),
                        fields.title(r),
                        cells.cells(columns, r, context)))
                .toList();
        return new Rows(rows, page.nextCursor(), page.total(), Boolean.TRUE.equals(page.totalIsEstimate()));
    }

    /** For the filter builder: the field naming a record of each lookup's target. */
    static Map<String, String> lookupNames(ObjectFields objects, TenantContext ctx, ObjectFields.Fields fields) {
        Map<String, String> nameFields = new LinkedHashMap<>();
        fields.all().stream()
                .filter(f -> "lookup".equals(f.type()) && objects.readable(ctx, f.target()))
                .forEach(f ->
                        nameFields.put(f.apiName(), objects.of(ctx, f.target()).nameField()));
        return nameFields;
    }
}
