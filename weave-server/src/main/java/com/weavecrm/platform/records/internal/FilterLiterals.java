package com.weavecrm.platform.records.internal;

import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.FieldValues;
import com.weavecrm.platform.records.Column;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Turns a literal of a filter into the Java value bound against a column of the given type. */
final class FilterLiterals {

    private FilterLiterals() {}

    static Object convert(CelConstant constant, Column column, int position) {
        FieldType type = column.type();
        try {
            return switch (constant.getKind()) {
                case NULL_VALUE -> null;
                case BOOLEAN_VALUE -> constant.booleanValue();
                case INT64_VALUE ->
                    type == FieldType.INTEGER
                            ? (Object) constant.int64Value()
                            : BigDecimal.valueOf(constant.int64Value());
                case UINT64_VALUE -> new BigDecimal(constant.uint64Value().bigIntegerValue());
                case DOUBLE_VALUE -> BigDecimal.valueOf(constant.doubleValue());
                case STRING_VALUE -> text(constant.stringValue(), column);
                default ->
                    throw FilterCompiler.invalid(
                            "unsupported_filter", constant.getKind().name(), position);
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw FilterCompiler.invalid(
                    "invalid_filter", "'" + constant + "' is not a valid " + type.apiName(), position);
        }
    }

    static OffsetDateTime timestamp(CelExpr argument, int position) {
        if (argument.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT
                || argument.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
            throw FilterCompiler.invalid("unsupported_filter", "timestamp() takes a string", position);
        }
        try {
            return OffsetDateTime.parse(argument.constant().stringValue());
        } catch (DateTimeParseException e) {
            throw FilterCompiler.invalid("invalid_filter", "not an ISO-8601 time with offset", position);
        }
    }

    private static Object text(String value, Column column) {
        return switch (column.type()) {
            case DATE -> LocalDate.parse(value);
            case DATETIME -> OffsetDateTime.parse(value);
            case LOOKUP, USER -> UUID.fromString(value);
            case PICKLIST -> {
                String stored =
                        column.definition() == null ? null : FieldValues.picklistValueOf(column.definition(), value);
                yield stored != null ? stored : value;
            }
            default -> value;
        };
    }
}
