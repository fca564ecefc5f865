package com.weavecrm.platform.metadata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of field an object can have, with the column type each is stored in. */
public enum FieldType {
    TEXT("text"),
    LONG_TEXT("text"),
    INTEGER("bigint"),
    DECIMAL("numeric"),
    MONEY("numeric"),
    PERCENT("numeric"),
    BOOLEAN("boolean"),
    DATE("date"),
    DATETIME("timestamptz"),
    PICKLIST("text"),
    MULTI_PICKLIST("text[]"),
    PHONE("text"),
    EMAIL("text"),
    URL("text"),
    REGION("text"),
    LOOKUP("uuid"),
    USER("uuid"),
    FORMULA("text"),
    ROLLUP("numeric"),
    AUTO_NUMBER("text");

    private final String columnType;

    FieldType(String columnType) {
        this.columnType = columnType;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The PostgreSQL type of the column (numeric types get their scale from the field). */
    public String columnType() {
        return columnType;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == MONEY || this == PERCENT || this == ROLLUP;
    }

    public boolean isTextual() {
        return columnType.equals("text");
    }

    /** Types whose values the product computes; nobody writes them. */
    public boolean isComputed() {
        return this == FORMULA || this == ROLLUP || this == AUTO_NUMBER;
    }

    public static Optional<FieldType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.apiName().equals(value)).findFirst();
    }
}
