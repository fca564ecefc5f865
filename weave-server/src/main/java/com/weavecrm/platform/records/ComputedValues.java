package com.weavecrm.platform.records;

import com.weavecrm.platform.metadata.FieldDef;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.metadata.FieldValues;
import com.weavecrm.platform.metadata.ObjectDef;
import com.weavecrm.platform.metadata.RecordExpressions;
import com.weavecrm.platform.records.internal.RecordRepository;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.FieldError;
import com.weavecrm.platform.web.RequestLocales;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the product fills in or checks on every write, from the field definitions: default values and
 * auto numbers of new records, formulas (recomputed on every change) and validation rules (a false
 * rule refuses the write with its message).
 */
@Component
class ComputedValues {

    private static final Pattern NUMBER = Pattern.compile("\\{(0+)}");

    private final RecordExpressions expressions;
    private final RecordRepository repository;
    private final JsonMapper json;

    ComputedValues(RecordExpressions expressions, RecordRepository repository, JsonMapper json) {
        this.expressions = expressions;
        this.repository = repository;
        this.json = json;
    }

    /** Fills defaults of fields the request left out, and numbers auto-number fields. */
    void forNewRecord(DSLContext dsl, TenantContext ctx, ObjectDef object, Map<String, Object> values) {
        for (FieldDef field : object.fields()) {
            if (field.type() == FieldType.AUTO_NUMBER) {
                long next = repository.nextNumber(dsl, ctx.tenant(), object.sequenceOf(field));
                values.put(field.apiName(), number(field.pattern(), next));
            } else if (field.defaultValue() != null && !values.containsKey(field.apiName())) {
                List<FieldError> ignored = new ArrayList<>();
                values.put(field.apiName(), FieldValues.read(field, json.valueToTree(field.defaultValue()), ignored));
            }
        }
    }

    /**
     * Recomputes formulas of the record as it will be ({@code record}: every field, by api name) into
     * {@code values}, then checks validation rules, adding the message of each broken one.
     */
    void check(
            TenantContext ctx,
            ObjectDef object,
            Map<String, Object> record,
            Map<String, Object> values,
            List<FieldError> errors) {
        for (FieldDef field : object.fields()) {
            if (field.type() == FieldType.FORMULA) {
                Object result = expressions
                        .evaluate(field.expression(), object, record)
                        .map(ComputedValues::text)
                        .orElse(null);
                record.put(field.apiName(), result);
                values.put(field.apiName(), result);
            }
        }
        String language = RequestLocales.toTag(ctx.locale());
        for (FieldDef field : object.fields()) {
            for (FieldDef.ValidationRule rule : field.validations()) {
                boolean valid = expressions
                        .evaluate(rule.expression(), object, record)
                        .map(Boolean.TRUE::equals)
                        .orElse(true);
                if (!valid) {
                    String message = rule.message()
                            .getOrDefault(
                                    language, rule.message().values().iterator().next());
                    errors.add(FieldError.of(field.apiName(), "validation_failed", message));
                }
            }
        }
    }

    private static String text(Object value) {
        if (value instanceof Double number) {
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    static String number(String pattern, long next) {
        Matcher matcher = NUMBER.matcher(pattern);
        if (!matcher.find()) {
            return pattern + next;
        }
        String digits = String.format("%0" + matcher.group(1).length() + "d", next);
        return pattern.substring(0, matcher.start()) + digits + pattern.substring(matcher.end());
    }
}
