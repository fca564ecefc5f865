package com.weavecrm.platform.records.internal;

import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

import com.weavecrm.platform.metadata.SystemFields;
import com.weavecrm.platform.records.Column;
import com.weavecrm.platform.records.ObjectAccess;
import com.weavecrm.platform.web.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order of a list ({@code sort=-createdAt,name}) and its keyset cursor: the sort values of the
 * last row of a page, so the next page is a range scan that costs the same at page 1 and page 10,000.
 * Empty values sort last in either direction; the record id breaks ties.
 */
public final class RecordOrder {

    public static final int MAX_KEYS = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One sort key. */
    public record Key(Column column, boolean descending) {}

    private final List<Key> keys;

    private RecordOrder(List<Key> keys) {
        this.keys = keys;
    }

    /** Parses {@code sort}; every key must be a field the caller may read and that sorts. */
    public static RecordOrder parse(String sort, ObjectAccess access) {
        List<Key> keys = new ArrayList<>();
        if (sort == null || sort.isBlank()) {
            keys.add(new Key(access.column(SystemFields.CREATED_AT).orElseThrow(), true));
        } else {
            for (String part : sort.split(",")) {
                String name = part.strip();
                boolean descending = name.startsWith("-");
                name = descending || name.startsWith("+") ? name.substring(1) : name;
                Column column = access.column(name)
                        .filter(Column::sortable)
                        .orElseThrow(() -> ApiException.badRequest("sort", "unknown_field", part.strip()));
                if (keys.stream().noneMatch(k -> k.column().equals(column))) {
                    keys.add(new Key(column, descending));
                }
            }
            if (keys.size() > MAX_KEYS) {
                throw ApiException.badRequest("sort", "too_many", MAX_KEYS);
            }
        }
        Column id = access.column(SystemFields.ID).orElseThrow();
        if (keys.stream().noneMatch(k -> k.column().equals(id))) {
            keys.add(new Key(id, keys.get(0).descending()));
        }
        return new RecordOrder(List.copyOf(keys));
    }

    public List<SortField<Object>> orderBy() {
        return keys.stream()
                .map(k -> {
                    SortField<Object> field = k.descending()
                            ? k.column().sql().desc()
                            : k.column().sql().asc();
                    return k.column().nullable() ? field.nullsLast() : field;
                })
                .toList();
    }

    /** The rows after the cursor's row in this order. */
    public Condition after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return trueCondition();
        }
        List<Object> values = decode(cursor);
        List<Condition> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<Condition> conjunction = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                conjunction.add(equal(keys.get(j), values.get(j)));
            }
            conjunction.add(beyond(keys.get(i), values.get(i)));
            alternatives.add(and(conjunction));
        }
        return or(alternatives);
    }

    /** The cursor pointing after {@code row} (a row's columns by column name). */
    public String cursor(Map<String, Object> row) {
        List<String> values = keys.stream()
                .map(k -> {
                    Object value = row.get(k.column().column());
                    return value == null ? null : value.toString();
                })
                .toList();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
    }

    public List<Key> keys() {
        return keys;
    }

    private static Condition equal(Key key, Object value) {
        Field<Object> field = key.column().sql();
        return value == null ? field.isNull() : field.eq(val(value));
    }

    /** Strictly after {@code value} in the key's direction; empty values come last. */
    private static Condition beyond(Key key, Object value) {
        Field<Object> field = key.column().sql();
        if (value == null) {
            return falseCondition();
        }
        Condition next = key.descending() ? field.lt(val(value)) : field.gt(val(value));
        return key.column().nullable() ? next.or(field.isNull()) : next;
    }

    private List<Object> decode(String cursor) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            if (!node.isArray() || node.size() != keys.size()) {
                throw new IllegalArgumentException("cursor of another order");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                JsonNode value = node.get(i);
                values.add(value.isNull() ? null : typed(keys.get(i).column(), value.asString()));
            }
            return values;
        } catch (RuntimeException e) {
            throw ApiException.badRequest("cursor", "invalid_cursor");
        }
    }

    private static Object typed(Column column, String text) {
        return switch (column.type()) {
            case INTEGER -> Long.parseLong(text);
            case DECIMAL, MONEY, PERCENT, ROLLUP -> new BigDecimal(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case DATE -> LocalDate.parse(text);
            case DATETIME -> OffsetDateTime.parse(text);
            case LOOKUP, USER -> UUID.fromString(text);
            default -> text;
        };
    }
}
