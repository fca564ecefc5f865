package com.weavecrm.platform.records.internal;

import static org.jooq.impl.DSL.and;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.or;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.trueCondition;
import static org.jooq.impl.DSL.val;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.collect.ImmutableList;
import com.weavecrm.platform.metadata.FieldType;
import com.weavecrm.platform.records.Column;
import com.weavecrm.platform.records.ObjectAccess;
import com.weavecrm.platform.web.ApiException;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.NullableType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelMacro;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Compiles the records API's filter language — CEL, limited to what translates to SQL — into a jOOQ
 * condition. The expression is parsed and type-checked against the fields the caller may read (a
 * hidden field is undeclared, like an unknown one), then translated node by node; every value is a
 * bind parameter. {@code contains} and {@code startsWith} match literally.
 */
@Component
public class FilterCompiler {

    public static final int MAX_LENGTH = 4_000;
    public static final int MAX_DEPTH = 32;
    private static final String HAS = "weave_has";
    private static final CelMacro HAS_MACRO = CelMacro.newGlobalMacro(
            "has", 1, (factory, target, args) -> Optional.of(factory.newGlobalCall(HAS, args.get(0))));

    private final Cache<List<String>, CelCompiler> compilers =
            Caffeine.newBuilder().maximumSize(5_000).build();

    /**
     * Type-checked filters by the compiler (one per set of readable fields) they were checked with:
     * list views and screens send the same filters again and again.
     */
    private final Cache<CheckedKey, CelAbstractSyntaxTree> checked =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private record CheckedKey(CelCompiler compiler, String filter) {}

    /** Where a lookup leads: the target's readable columns and the SQL of its permitted rows. */
    public record LookupTarget(ObjectAccess access, org.jooq.Table<?> table, Condition scope) {}

    /** Resolves a lookup column to its target for dot paths ({@code customer_ref.name}). */
    public interface Lookups extends Function<Column, Optional<LookupTarget>> {}

    public Condition compile(String filter, ObjectAccess access, Lookups lookups) {
        if (filter == null || filter.isBlank()) {
            return trueCondition();
        }
        if (filter.length() > MAX_LENGTH) {
            throw invalid("too_long", MAX_LENGTH, 0);
        }
        if (nesting(filter) > MAX_DEPTH) {
            throw invalid("too_deeply_nested", MAX_DEPTH, 0);
        }
        CelCompiler compiler = compiler(access);
        CelAbstractSyntaxTree ast = checked.get(new CheckedKey(compiler, filter), key -> check(compiler, filter));
        return new Translation(ast, access, lookups).condition(ast.getExpr());
    }

    /** Parses and type-checks a filter (the costly part: about a millisecond); refused filters throw. */
    private CelAbstractSyntaxTree check(CelCompiler compiler, String filter) {
        CelValidationResult result = compiler.compile(filter);
        if (result.hasError()) {
            CelIssue issue = result.getAllIssues().get(0);
            throw invalid(
                    "invalid_filter",
                    issue.getMessage(),
                    issue.getSourceLocation().getColumn() + 1);
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = result.getAst();
        } catch (Exception e) {
            throw invalid("invalid_filter", e.getMessage(), 0);
        }
        if (ast.getResultType().kind() != CelKind.BOOL) {
            throw invalid(
                    "invalid_filter",
                    "the filter must be true or false, not "
                            + ast.getResultType().name(),
                    1);
        }
        if (depth(ast.getExpr()) > MAX_DEPTH) {
            throw invalid("too_deeply_nested", MAX_DEPTH, 0);
        }
        return ast;
    }

    private CelCompiler compiler(ObjectAccess access) {
        List<String> signature = new ArrayList<>();
        access.readable().values().forEach(c -> signature.add(c.apiName() + ":" + c.type() + ":" + c.nullable()));
        return compilers.get(signature, key -> {
            CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                    .setStandardMacros()
                    .addMacros(HAS_MACRO)
                    .setOptions(CelOptions.current()
                            .enableHeterogeneousNumericComparisons(true)
                            .build())
                    .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration(
                            HAS, CelOverloadDecl.newGlobalOverload(HAS + "_dyn", SimpleType.BOOL, SimpleType.DYN)));
            access.readable().values().forEach(c -> builder.addVar(c.apiName(), celType(c)));
            return builder.build();
        });
    }

    /** The CEL type of a column; nullable columns get wrapper types, so {@code fee == null} type-checks. */
    static CelType celType(Column column) {
        CelType type = switch (column.type()) {
            case INTEGER -> SimpleType.INT;
            case DECIMAL, MONEY, PERCENT, ROLLUP -> SimpleType.DOUBLE;
            case BOOLEAN -> SimpleType.BOOL;
            case DATETIME -> SimpleType.TIMESTAMP;
            case MULTI_PICKLIST -> ListType.create(SimpleType.STRING);
            case LOOKUP, USER -> SimpleType.DYN;
            default -> SimpleType.STRING;
        };
        boolean wrappable = type == SimpleType.INT
                || type == SimpleType.DOUBLE
                || type == SimpleType.BOOL
                || type == SimpleType.STRING;
        return column.nullable() && wrappable ? NullableType.create(type) : type;
    }

    /** How deep brackets nest in the text, outside string literals. */
    static int nesting(String filter) {
        int depth = 0;
        int deepest = 0;
        char quote = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (c == ')' || c == ']') {
                depth--;
            }
        }
        return deepest;
    }

    private static int depth(CelExpr expr) {
        return 1
                + switch (expr.exprKind().getKind()) {
                    case CALL -> {
                        int deepest =
                                expr.call().target().map(FilterCompiler::depth).orElse(0);
                        for (CelExpr arg : expr.call().args()) {
                            deepest = Math.max(deepest, depth(arg));
                        }
                        yield deepest;
                    }
                    case SELECT -> depth(expr.select().operand());
                    case LIST ->
                        expr.list().elements().stream()
                                .mapToInt(FilterCompiler::depth)
                                .max()
                                .orElse(0);
                    default -> 0;
                };
    }

    static ApiException invalid(String code, Object detail, int column) {
        return ApiException.badRequest("filter", code, detail, column);
    }

    /** One translation: walks the checked syntax tree and builds the SQL condition. */
    private static final class Translation {
        private final CelAbstractSyntaxTree ast;
        private final ObjectAccess access;
        private final Lookups lookups;

        Translation(CelAbstractSyntaxTree ast, ObjectAccess access, Lookups lookups) {
            this.ast = ast;
            this.access = access;
            this.lookups = lookups;
        }

        Condition condition(CelExpr expr) {
            return switch (expr.exprKind().getKind()) {
                case CALL -> call(expr);
                case CONSTANT ->
                    expr.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE
                            ? (expr.constant().booleanValue() ? trueCondition() : falseCondition())
                            : unsupported(expr);
                case IDENT, SELECT -> {
                    Operand operand = operand(expr);
                    if (operand.column().type() != FieldType.BOOLEAN) {
                        yield unsupported(expr);
                    }
                    yield operand.test(Field::isTrue);
                }
                default -> unsupported(expr);
            };
        }

        private Condition call(CelExpr expr) {
            String function = expr.call().function();
            ImmutableList<CelExpr> args = expr.call().args();
            return switch (function) {
                case "_&&_" -> and(condition(args.get(0)), condition(args.get(1)));
                case "_||_" -> or(condition(args.get(0)), condition(args.get(1)));
                case "!_" -> not(condition(args.get(0)));
                case "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_" ->
                    comparison(expr, function, args.get(0), args.get(1));
                case "@in" -> in(expr, args.get(0), args.get(1));
                case HAS -> operand(args.get(0)).test(Field::isNotNull);
                case "startsWith", "endsWith", "contains" -> like(expr, function);
                default -> unsupported(expr);
            };
        }

        private Condition comparison(CelExpr expr, String op, CelExpr left, CelExpr right) {
            boolean leftIsField = isFieldRef(left);
            if (!leftIsField && isFieldRef(right)) {
                return comparison(expr, mirror(op), right, left);
            }
            if (!leftIsField) {
                return unsupported(expr);
            }
            Operand operand = operand(left);
            if (isFieldRef(right)) {
                Operand other = operand(right);
                if (operand.path().isEmpty() && other.path().isEmpty()) {
                    return compare(op, operand.column().sql(), other.column().sql());
                }
                return unsupported(expr);
            }
            Object value = literal(right, operand.column());
            if (value == null) {
                return switch (op) {
                    case "_==_" -> operand.test(Field::isNull);
                    case "_!=_" -> operand.test(Field::isNotNull);
                    default -> unsupported(expr);
                };
            }
            return operand.test(f -> compare(op, f, val(value)));
        }

        private static Condition compare(String op, Field<Object> field, Field<Object> value) {
            return switch (op) {
                case "_==_" -> field.eq(value);
                case "_!=_" -> field.isDistinctFrom(value);
                case "_<_" -> field.lt(value);
                case "_<=_" -> field.le(value);
                case "_>_" -> field.gt(value);
                default -> field.ge(value);
            };
        }

        private Condition in(CelExpr expr, CelExpr element, CelExpr collection) {
            if (isFieldRef(collection) && operand(collection).column().type() == FieldType.MULTI_PICKLIST) {
                Operand list = operand(collection);
                Object value = literal(element, textColumn());
                return list.test(f -> org.jooq.impl.DSL.condition("{0} @> array[{1}::text]", f, val((String) value)));
            }
            if (!isFieldRef(element) || collection.exprKind().getKind() != CelExpr.ExprKind.Kind.LIST) {
                return unsupported(expr);
            }
            Operand operand = operand(element);
            List<Object> values = new ArrayList<>();
            for (CelExpr item : collection.list().elements()) {
                values.add(literal(item, operand.column()));
            }
            return operand.test(f -> values.isEmpty() ? falseCondition() : f.in(values));
        }

        private Condition like(CelExpr expr, String function) {
            CelExpr target = expr.call().target().orElse(null);
            if (target == null || !isFieldRef(target) || expr.call().args().size() != 1) {
                return unsupported(expr);
            }
            Operand operand = operand(target);
            if (!operand.column().type().isTextual() && operand.column().type() != FieldType.PICKLIST) {
                return unsupported(expr);
            }
            String text = escape(String.valueOf(literal(expr.call().args().get(0), textColumn())));
            String pattern = switch (function) {
                case "startsWith" -> text + "%";
                case "endsWith" -> "%" + text;
                default -> "%" + text + "%";
            };
            return operand.test(f -> f.cast(String.class).like(pattern, '\\'));
        }

        private boolean isFieldRef(CelExpr expr) {
            CelExpr.ExprKind.Kind kind = expr.exprKind().getKind();
            return kind == CelExpr.ExprKind.Kind.IDENT
                    || (kind == CelExpr.ExprKind.Kind.SELECT && !expr.select().testOnly());
        }

        /** A field, possibly reached through lookups ({@code customer_ref.store.name}). */
        private Operand operand(CelExpr expr) {
            if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT) {
                Column column = access.column(expr.ident().name()).orElseThrow(() -> unsupportedException(expr));
                return new Operand(column, List.of());
            }
            if (expr.exprKind().getKind() != CelExpr.ExprKind.Kind.SELECT) {
                throw unsupportedException(expr);
            }
            Operand base = operand(expr.select().operand());
            if (base.column().type() != FieldType.LOOKUP || base.column().isSystem()) {
                throw invalid("invalid_filter", "'" + base.column().apiName() + "' is not a lookup", position(expr));
            }
            LookupTarget target = lookups.apply(base.column())
                    .orElseThrow(() -> invalid(
                            "invalid_filter", "cannot follow '" + base.column().apiName() + "'", position(expr)));
            Column next = target.access()
                    .column(expr.select().field())
                    .orElseThrow(() -> invalid(
                            "invalid_filter",
                            "undeclared reference to '" + expr.select().field() + "'",
                            position(expr)));
            List<Step> path = new ArrayList<>(base.path());
            path.add(new Step(base.column(), target));
            return new Operand(next, path);
        }

        private Object literal(CelExpr expr, Column column) {
            if (expr.exprKind().getKind() == CelExpr.ExprKind.Kind.CALL
                    && expr.call().function().equals("timestamp")
                    && expr.call().args().size() == 1) {
                return FilterLiterals.timestamp(expr.call().args().get(0), position(expr));
            }
            if (expr.exprKind().getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
                throw unsupportedException(expr);
            }
            return FilterLiterals.convert(expr.constant(), column, position(expr));
        }

        private int position(CelExpr expr) {
            Map<Long, Integer> positions = ast.getSource().getPositionsMap();
            return positions.getOrDefault(expr.id(), 0) + 1;
        }

        private Condition unsupported(CelExpr expr) {
            throw unsupportedException(expr);
        }

        private ApiException unsupportedException(CelExpr expr) {
            return invalid(
                    "unsupported_filter", expr.exprKind().getKind().name().toLowerCase(), position(expr));
        }

        private static Column textColumn() {
            return new Column("value", "value", FieldType.TEXT, null, true);
        }

        private static String mirror(String op) {
            return switch (op) {
                case "_<_" -> "_>_";
                case "_<=_" -> "_>=_";
                case "_>_" -> "_<_";
                case "_>=_" -> "_<=_";
                default -> op;
            };
        }

        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    /** One hop through a lookup: the lookup column and where it leads. */
    private record Step(Column lookup, LookupTarget target) {}

    /** A field to compare, and the lookups to follow to reach it. */
    private record Operand(Column column, List<Step> path) {

        /** The test on the field, wrapped in one {@code IN (subquery)} per lookup hop. */
        Condition test(Function<Field<Object>, Condition> test) {
            if (path.isEmpty()) {
                return test.apply(column.sql());
            }
            Condition inner = test.apply(column.sql("t" + (path.size() - 1)));
            for (int i = path.size() - 1; i >= 0; i--) {
                Step step = path.get(i);
                String alias = "t" + i;
                Field<Object> lookup =
                        i == 0 ? step.lookup().sql() : step.lookup().sql("t" + (i - 1));
                inner = lookup.in(select(Column.SYSTEM.get(0).sql(alias))
                        .from(step.target().table().as(alias))
                        .where(inner)
                        .and(step.target().scope()));
            }
            return inner;
        }
    }
}
