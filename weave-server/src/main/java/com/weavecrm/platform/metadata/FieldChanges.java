package com.weavecrm.platform.metadata;

import com.weavecrm.platform.metadata.internal.SchemaChanges;
import com.weavecrm.platform.metadata.internal.SchemaChanges.Plan;
import com.weavecrm.platform.tenancy.TenantContext;
import com.weavecrm.platform.web.ApiException;
import com.weavecrm.platform.web.JsonInput;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Changes to an existing field. Safe changes are planned (a longer text, more picklist values, a
 * wider number, text to long text); a change that would lose data — a shorter limit than existing
 * values, removing a picklist value in use, an incompatible type — is refused with the reason.
 */
@Component
class FieldChanges {

    private static final Set<String> KEYS =
            Set.of("label", "type", "required", "unique", "maxLength", "scale", "values", "helpText", "sortOrder");

    /** Safe type changes: from → the types it may become. */
    private static final Map<FieldType, Set<FieldType>> SAFE_TYPES = Map.of(
            FieldType.TEXT,
                    Set.of(FieldType.LONG_TEXT, FieldType.PICKLIST, FieldType.PHONE, FieldType.EMAIL, FieldType.URL),
            FieldType.LONG_TEXT, Set.of(FieldType.TEXT),
            FieldType.PHONE, Set.of(FieldType.TEXT),
            FieldType.EMAIL, Set.of(FieldType.TEXT),
            FieldType.URL, Set.of(FieldType.TEXT),
            FieldType.PICKLIST, Set.of(FieldType.TEXT),
            FieldType.INTEGER, Set.of(FieldType.DECIMAL, FieldType.MONEY),
            FieldType.DECIMAL, Set.of(FieldType.MONEY),
            FieldType.MONEY, Set.of(FieldType.DECIMAL));

    private final SchemaChanges schema;
    private final RecordExpressions expressions;

    FieldChanges(SchemaChanges schema, RecordExpressions expressions) {
        this.schema = schema;
        this.expressions = expressions;
    }

    /** The changed field and its plan; data checks happen in {@link #checkData} inside the transaction. */
    record Change(FieldDef field, Plan plan, Integer shorterLimit, List<String> narrowedValues) {}

    Change validate(TenantContext ctx, ObjectDef object, FieldDef field, JsonNode body) {
        JsonInput in = JsonInput.of(body, KEYS);
        Map<String, String> label = in.has("label") ? Labels.read(in, "label", true) : field.label();
        FieldType type = in.optionalText("type", 20)
                .map(t -> FieldType.parse(t).orElse(null))
                .orElse(field.type());
        if (type == null) {
            in.error("type", "invalid_type_name");
            type = field.type();
        } else if (type != field.type()
                && (field.standard()
                        || !SAFE_TYPES.getOrDefault(field.type(), Set.of()).contains(type))) {
            in.error("type", "unsafe_type_change", field.type().apiName(), type.apiName());
        }
        boolean required = in.optionalBoolean("required").orElse(field.required());
        boolean unique = in.optionalBoolean("unique").orElse(field.unique()) || field.externalId();
        Integer maxLength =
                in.has("maxLength") || type != field.type() ? FieldDefinitions.maxLength(in, type) : field.maxLength();
        Integer scale = in.has("scale") || type != field.type() ? FieldDefinitions.scale(in, type) : field.scale();
        if (scale != null && field.scale() != null && scale < field.scale()) {
            in.error("scale", "would_lose_data");
        }
        List<PicklistValue> values =
                in.has("values") || type != field.type() ? FieldDefinitions.values(in, type) : field.values();
        String helpText = in.has("helpText") ? in.optionalText("helpText", 500).orElse(null) : field.helpText();
        int sortOrder = in.optionalInt("sortOrder", 0, 100_000).orElse(field.sortOrder());
        FieldDef changed = new FieldDef(
                field.id(),
                field.apiName(),
                field.column(),
                type,
                label,
                required,
                unique,
                field.readOnly(),
                field.standard(),
                maxLength,
                scale,
                values,
                field.target(),
                field.expression(),
                field.pattern(),
                helpText,
                sortOrder,
                field.defaultValue(),
                field.validations(),
                field.rollup(),
                field.externalId());
        if (type == FieldType.FORMULA && in.has("expression")) {
            String expression = in.requiredText("expression", 2_000);
            changed = new FieldDef(
                    changed.id(),
                    changed.apiName(),
                    changed.column(),
                    changed.type(),
                    changed.label(),
                    changed.required(),
                    changed.unique(),
                    changed.readOnly(),
                    changed.standard(),
                    changed.maxLength(),
                    changed.scale(),
                    changed.values(),
                    changed.target(),
                    expression,
                    changed.pattern(),
                    changed.helpText(),
                    changed.sortOrder(),
                    changed.defaultValue(),
                    changed.validations(),
                    field.rollup(),
                    field.externalId());
        }
        changed = FieldDefinitions.withRules(in, object, changed, expressions);
        in.finish();
        Plan plan = Plan.of();
        if (!type.columnType().equals(field.type().columnType()) || !java.util.Objects.equals(scale, field.scale())) {
            plan.steps()
                    .addAll(schema.changeColumnType(ctx.tenant(), object, changed)
                            .steps());
        }
        if (unique && !field.unique()) {
            plan.steps()
                    .addAll(schema.uniqueIndex(ctx.tenant(), object, changed).steps());
        } else if (!unique && field.unique()) {
            plan.steps()
                    .addAll(schema.dropUniqueIndex(ctx.tenant(), object, changed)
                            .steps());
        }
        Integer shorter =
                maxLength != null && (field.maxLength() == null || maxLength < field.maxLength()) ? maxLength : null;
        boolean narrowed = (type == FieldType.PICKLIST || type == FieldType.MULTI_PICKLIST)
                && !values.stream()
                        .map(PicklistValue::value)
                        .toList()
                        .containsAll(field.values().stream()
                                .map(PicklistValue::value)
                                .toList());
        boolean becomesPicklist = type == FieldType.PICKLIST && field.type() != FieldType.PICKLIST;
        return new Change(
                changed,
                plan,
                shorter,
                narrowed || becomesPicklist
                        ? values.stream().map(PicklistValue::value).toList()
                        : null);
    }

    /** Refuses the change when existing records would not fit it. */
    void checkData(DSLContext dsl, TenantContext ctx, ObjectDef object, Change change) {
        FieldDef field = change.field();
        if (change.shorterLimit() != null
                && schema.longestValue(dsl, ctx.tenant(), object, field) > change.shorterLimit()) {
            throw ApiException.badRequest("maxLength", "would_lose_data");
        }
        if (change.narrowedValues() != null
                && schema.hasValuesOutside(dsl, ctx.tenant(), object, field, change.narrowedValues())) {
            throw ApiException.badRequest("values", "values_in_use");
        }
    }
}
