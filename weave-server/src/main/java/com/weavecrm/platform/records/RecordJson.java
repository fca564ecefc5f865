package com.weavecrm.platform.records;

import com.weavecrm.platform.metadata.FieldValues;
import com.weavecrm.platform.web.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records as the API shows them: flat JSON with the system fields first ({@code id}, {@code version},
 * {@code createdAt}, ...) and then every field the caller may read under its API name.
 */
final class RecordJson {

    private RecordJson() {}

    /** The columns to select: all readable, or the requested ones (plus id and version). */
    static List<Column> columns(ObjectAccess access, String fields) {
        if (fields == null || fields.isBlank()) {
            return List.copyOf(access.readable().values());
        }
        List<Column> columns = new ArrayList<>();
        columns.add(access.column("id").orElseThrow());
        columns.add(access.column("version").orElseThrow());
        for (String name : fields.split(",")) {
            Column column = access.column(name.strip())
                    .orElseThrow(() -> ApiException.badRequest("fields", "unknown_field", name.strip()));
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    static Map<String, Object> of(List<Column> columns, Map<String, Object> row) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Column column : columns) {
            Object value = row.get(column.column());
            json.put(
                    column.apiName(),
                    column.isSystem()
                            ? (value == null ? null : value instanceof Number ? value : value.toString())
                            : FieldValues.write(column.definition(), value));
        }
        return json;
    }
}
