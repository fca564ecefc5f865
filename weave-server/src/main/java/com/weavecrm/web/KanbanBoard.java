package com.weavecrm.web;

import com.weavecrm.platform.metadata.ObjectViews.FieldView;
import com.weavecrm.platform.metadata.ObjectViews.ValueView;
import com.weavecrm.platform.records.ListView;
import com.weavecrm.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The kanban board of a list: one column per value of a picklist, in the picklist's order and
 * colour, each with its first cards and its count — one list call per value, so a board costs as
 * many calls as the picklist has values.
 */
@Component
class KanbanBoard {

    static final int CARDS = 30;
    private static final int CARD_FIELDS = 3;

    private final RecordTable table;

    KanbanBoard(RecordTable table) {
        this.table = table;
    }

    /** A column of the board. */
    record Lane(ValueView value, RecordTable.Rows cards) {}

    /** The board: the field it groups by (null when the object has no picklist) and its lanes. */
    record Board(FieldView groupBy, List<FieldView> cardFields, List<Lane> lanes) {}

    Board of(
            TenantContext ctx,
            ObjectFields.Fields fields,
            ListState state,
            ListView view,
            List<FieldView> columns,
            String filter) {
        FieldView groupBy = groupBy(fields, state, view);
        if (groupBy == null) {
            return new Board(null, List.of(), List.of());
        }
        List<FieldView> cardFields = columns.stream()
                .filter(c ->
                        !c.apiName().equals(groupBy.apiName()) && !c.apiName().equals(fields.nameField()))
                .limit(CARD_FIELDS)
                .toList();
        List<Lane> lanes = new ArrayList<>();
        for (ValueView value : groupBy.values()) {
            String lane = groupBy.apiName() + " == " + FilterBuilder.quote(value.value());
            String combined = filter == null ? lane : "(" + filter + ") && " + lane;
            lanes.add(new Lane(value, table.read(ctx, fields, cardFields, state, combined, null, CARDS)));
        }
        return new Board(groupBy, cardFields, lanes);
    }

    private static FieldView groupBy(ObjectFields.Fields fields, ListState state, ListView view) {
        List<String> wanted = new ArrayList<>();
        if (state.groupBy() != null) {
            wanted.add(state.groupBy());
        }
        if (view != null && view.kanbanField() != null) {
            wanted.add(view.kanbanField());
        }
        return wanted.stream()
                .map(fields::get)
                .filter(f -> f != null && "picklist".equals(f.type()))
                .findFirst()
                .orElseGet(() -> fields.picklists().stream().findFirst().orElse(null));
    }
}
