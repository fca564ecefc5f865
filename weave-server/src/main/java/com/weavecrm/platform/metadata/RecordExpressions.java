package com.weavecrm.platform.metadata;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * CEL over one record — formulas and validation rules. Every field of the object is a variable (empty
 * fields are null; dates and times are ISO text, lookups their id). Expressions are type-checked when
 * an administrator saves them and compiled once; evaluation is sandboxed and bounded by CEL itself.
 * Features with values of their own shape (assignment rule conditions) name their variables and
 * types instead of an object.
 */
@Component
public class RecordExpressions {

    private static final CelOptions OPTIONS =
            CelOptions.current().enableHeterogeneousNumericComparisons(true).build();

    private final CelRuntime runtime =
            CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
    private final Cache<String, CelRuntime.Program> programs =
            Caffeine.newBuilder().maximumSize(10_000).build();

    /** The problem with an expression over the object's fields, if any (a message naming the position). */
    public Optional<String> check(String expression, ObjectDef object, boolean mustBeBoolean) {
        return check(expression, variablesOf(object), mustBeBoolean);
    }

    /** The problem with an expression over named variables of the given types, if any. */
    public Optional<String> check(String expression, Map<String, FieldType> variables, boolean mustBeBoolean) {
        CelValidationResult result = compiler(variables).compile(expression);
        if (result.hasError()) {
            return Optional.of(result.getAllIssues().get(0).getMessage() + " (column "
                    + (result.getAllIssues().get(0).getSourceLocation().getColumn() + 1) + ")");
        }
        try {
            CelType type = result.getAst().getResultType();
            if (mustBeBoolean && type.kind() != dev.cel.common.types.CelKind.BOOL) {
                return Optional.of("must be true or false, not " + type.name());
            }
        } catch (CelValidationException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    /** The value of {@code expression} for a record (field api name to stored value); empty when it cannot be computed. */
    public Optional<Object> evaluate(String expression, ObjectDef object, Map<String, Object> record) {
        return evaluate(
                object.id() + ":" + object.version() + ":" + expression, expression, variablesOf(object), record);
    }

    /** The value of {@code expression} over named variables (see {@link #check(String, Map, boolean)}). */
    public Optional<Object> evaluate(String expression, Map<String, FieldType> variables, Map<String, Object> values) {
        return evaluate("vars:" + variables + ":" + expression, expression, variables, values);
    }

    private Optional<Object> evaluate(
            String key, String expression, Map<String, FieldType> types, Map<String, Object> values) {
        try {
            CelRuntime.Program program = programs.get(key, k -> program(expression, types));
            Object value = program.eval(variables(types, values));
            return value instanceof NullValue ? Optional.empty() : Optional.of(value);
        } catch (CelEvaluationException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private CelRuntime.Program program(String expression, Map<String, FieldType> variables) {
        try {
            CelAbstractSyntaxTree ast = compiler(variables).compile(expression).getAst();
            return runtime.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("expression no longer compiles: " + expression, e);
        }
    }

    private static Map<String, FieldType> variablesOf(ObjectDef object) {
        Map<String, FieldType> variables = new LinkedHashMap<>();
        object.fields().forEach(field -> variables.put(field.apiName(), field.type()));
        return variables;
    }

    private static CelCompiler compiler(Map<String, FieldType> variables) {
        CelCompilerBuilder builder =
                CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS);
        variables.forEach((name, type) -> builder.addVar(name, type(type)));
        return builder.build();
    }

    private static CelType type(FieldType type) {
        return switch (type) {
            case INTEGER -> NullableType.create(SimpleType.INT);
            case DECIMAL, MONEY, PERCENT, ROLLUP -> NullableType.create(SimpleType.DOUBLE);
            case BOOLEAN -> NullableType.create(SimpleType.BOOL);
            case MULTI_PICKLIST -> ListType.create(SimpleType.STRING);
            default -> NullableType.create(SimpleType.STRING);
        };
    }

    private static Map<String, Object> variables(Map<String, FieldType> types, Map<String, Object> record) {
        Map<String, Object> variables = new HashMap<>();
        for (Map.Entry<String, FieldType> field : types.entrySet()) {
            Object value = record.get(field.getKey());
            variables.put(
                    field.getKey(),
                    switch (value) {
                        case null -> field.getValue() == FieldType.MULTI_PICKLIST ? List.of() : NullValue.NULL_VALUE;
                        case BigDecimal decimal -> decimal.doubleValue();
                        case Integer number -> number.longValue();
                        case String[] values -> List.of(values);
                        case Long number -> number;
                        case Double number -> number;
                        case Boolean bool -> bool;
                        case String text -> text;
                        default -> value.toString();
                    });
        }
        return variables;
    }
}
