package dev.omnigraph.application.query;

import dev.omnigraph.domain.query.ast.Literal;
import dev.omnigraph.domain.query.plan.FilterOp;
import dev.omnigraph.domain.query.plan.PlanExpr;
import dev.omnigraph.domain.query.plan.PlanFilter;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates plan expressions and filters over the rows of a {@link Frame}. Expressions are compiled
 * against a frame once (slots and static types resolved) and then applied per row.
 *
 * <p>Filter semantics (engine notes §3.2): a NULL operand never matches; comparisons use
 * {@link ValueComparison}; {@code LIST_CONTAINS} is list membership, {@code STRING_CONTAINS} an exact
 * case-sensitive substring, {@code STARTS_WITH} an exact prefix. A Date compared with a DateTime is
 * taken as midnight UTC of that day.
 */
final class ExpressionEvaluator {

    private static final ValueType ID_TYPE = ValueType.scalar(ScalarKind.STRING, false);
    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** A compiled expression: its value in a row, and its static type (null when unknown). */
    record CompiledValue(RowFunction function, ValueType type) {
        Object apply(int[] row) {
            return function.apply(row);
        }

        ScalarKind kind() {
            return type == null ? null : type.kind();
        }
    }

    /** The value of an expression in one row. */
    @FunctionalInterface
    interface RowFunction {
        Object apply(int[] row);
    }

    /** Whether a row passes a filter. */
    @FunctionalInterface
    interface RowPredicate {
        boolean test(int[] row);
    }

    private final Map<String, ValueType> parameterTypes;
    private final Map<String, Object> parameters;
    private final long nowMillis;
    private final Map<Literal, Object> literals = new HashMap<>();

    ExpressionEvaluator(Map<String, ValueType> parameterTypes, Map<String, Object> parameters, long nowMillis) {
        this.parameterTypes = parameterTypes;
        this.parameters = parameters;
        this.nowMillis = nowMillis;
    }

    /** True for expressions whose value does not depend on the row: literals, parameters, {@code now()}. */
    static boolean isConstant(PlanExpr expr) {
        return expr instanceof PlanExpr.Constant || expr instanceof PlanExpr.Param || expr instanceof PlanExpr.Now;
    }

    /** The value of a constant expression. */
    Object constant(PlanExpr expr) {
        if (expr instanceof PlanExpr.Constant constant) {
            return literal(constant.value());
        }
        if (expr instanceof PlanExpr.Param param) {
            if (!parameters.containsKey(param.name())) {
                throw new InvalidQueryPlanException("parameter '$" + param.name() + "' is not declared by the query");
            }
            return parameters.get(param.name());
        }
        if (expr instanceof PlanExpr.Now) {
            return nowMillis;
        }
        throw new InvalidQueryPlanException("not a constant expression: " + expr);
    }

    /** The static type of a constant expression. */
    ValueType constantType(PlanExpr expr) {
        if (expr instanceof PlanExpr.Constant constant) {
            return literalType(constant.value());
        }
        if (expr instanceof PlanExpr.Param param) {
            ValueType type = parameterTypes.get(param.name());
            if (type == null) {
                throw new InvalidQueryPlanException("parameter '$" + param.name() + "' is not declared by the query");
            }
            return type;
        }
        if (expr instanceof PlanExpr.Now) {
            return ValueType.scalar(ScalarKind.DATE_TIME, false);
        }
        throw new InvalidQueryPlanException("not a constant expression: " + expr);
    }

    /** Compiles an expression against a frame's slots. */
    CompiledValue compile(PlanExpr expr, Frame frame) {
        if (isConstant(expr)) {
            Object value = constant(expr);
            return new CompiledValue(row -> value, constantType(expr));
        }
        if (expr instanceof PlanExpr.Property property) {
            int slot = frame.slot(property.variable());
            EntityRows source = frame.source(slot);
            String name = property.property();
            ValueType type = EntityRows.ID.equals(name) ? ID_TYPE : source.propertyTypes().get(name);
            return new CompiledValue(row -> source.value(name, row[slot]), type);
        }
        if (expr instanceof PlanExpr.Entity entity) {
            int slot = frame.slot(entity.variable());
            EntityRows source = frame.source(slot);
            return new CompiledValue(row -> source.id(row[slot]), ID_TYPE);
        }
        if (expr instanceof PlanExpr.Nearest || expr instanceof PlanExpr.TextSearch || expr instanceof PlanExpr.Rrf) {
            throw SearchFeatures.unsupported(expr);
        }
        throw new InvalidQueryPlanException("expression cannot be evaluated on match rows: " + expr);
    }

    /** Compiles a filter against a frame's slots. */
    RowPredicate compile(PlanFilter filter, Frame frame) {
        if (filter.isTextSearch()) {
            throw SearchFeatures.unsupported(filter.left());
        }
        CompiledValue left = compile(filter.left(), frame);
        CompiledValue right = compile(filter.right(), frame);
        ScalarKind leftKind = left.kind();
        ScalarKind rightKind = right.kind();
        FilterOp op = filter.op();
        return row -> test(op, left.apply(row), leftKind, right.apply(row), rightKind);
    }

    /**
     * One filter on two values, with the query language's semantics: a comparison involving NULL is
     * never true, a Date compared with a DateTime is taken at midnight UTC, numbers compare by value
     * across kinds, {@code contains}/{@code starts_with} are exact and case-sensitive.
     */
    static boolean test(FilterOp op, Object left, ScalarKind leftKind, Object right, ScalarKind rightKind) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> {
                if (left == null || right == null) {
                    yield false;
                }
                Object l = leftKind == ScalarKind.DATE && rightKind == ScalarKind.DATE_TIME
                        ? ((Number) left).longValue() * MILLIS_PER_DAY : left;
                Object r = rightKind == ScalarKind.DATE && leftKind == ScalarKind.DATE_TIME
                        ? ((Number) right).longValue() * MILLIS_PER_DAY : right;
                int order = ValueComparison.compare(l, leftKind, r, rightKind);
                yield switch (op) {
                    case EQ -> order == 0;
                    case NE -> order != 0;
                    case LT -> order < 0;
                    case LE -> order <= 0;
                    case GT -> order > 0;
                    default -> order >= 0;
                };
            }
            case LIST_CONTAINS -> left instanceof List<?> list && right != null
                    && ValueComparison.listContains(list, leftKind, right, rightKind);
            case STRING_CONTAINS -> left instanceof String l && right instanceof String r && l.contains(r);
            case STARTS_WITH -> left instanceof String l && right instanceof String r && l.startsWith(r);
        };
    }

    /** The bound variables a filter reads (parameters and literals read none). */
    static void variables(PlanExpr expr, Set<String> into) {
        if (expr instanceof PlanExpr.Property property) {
            into.add(property.variable());
        } else if (expr instanceof PlanExpr.Entity entity) {
            into.add(entity.variable());
        } else if (expr instanceof PlanExpr.Nearest nearest) {
            into.add(nearest.variable());
            variables(nearest.query(), into);
        } else if (expr instanceof PlanExpr.TextSearch search) {
            variables(search.field(), into);
            variables(search.query(), into);
        } else if (expr instanceof PlanExpr.Aggregate aggregate) {
            variables(aggregate.argument(), into);
        }
    }

    /** The typed value of a literal (dates parsed once per execution). */
    Object literal(Literal literal) {
        Object cached = literals.get(literal);
        if (cached != null || literals.containsKey(literal)) {
            return cached;
        }
        Object value = literalValue(literal);
        literals.put(literal, value);
        return value;
    }

    private static Object literalValue(Literal literal) {
        if (literal instanceof Literal.StringLit string) {
            return string.value();
        }
        if (literal instanceof Literal.IntLit integer) {
            return integer.value();
        }
        if (literal instanceof Literal.FloatLit floating) {
            return floating.value();
        }
        if (literal instanceof Literal.BoolLit bool) {
            return bool.value();
        }
        if (literal instanceof Literal.DateLit date) {
            return TemporalText.epochDays(date.text()).orElseThrow(() ->
                    new InvalidQueryValueException("invalid Date literal '" + date.text() + "' (expected YYYY-MM-DD)"));
        }
        if (literal instanceof Literal.DateTimeLit dateTime) {
            return TemporalText.epochMillis(dateTime.text()).orElseThrow(() ->
                    new InvalidQueryValueException("invalid DateTime literal '" + dateTime.text() + "'"));
        }
        List<Object> items = new ArrayList<>();
        for (Literal item : ((Literal.ListLit) literal).items()) {
            items.add(literalValue(item));
        }
        return Collections.unmodifiableList(items);
    }

    /** The static type of a literal: integers are I64 and floats F64 until compared with a column. */
    static ValueType literalType(Literal literal) {
        if (literal instanceof Literal.StringLit) {
            return ValueType.scalar(ScalarKind.STRING, false);
        }
        if (literal instanceof Literal.IntLit) {
            return ValueType.scalar(ScalarKind.I64, false);
        }
        if (literal instanceof Literal.FloatLit) {
            return ValueType.scalar(ScalarKind.F64, false);
        }
        if (literal instanceof Literal.BoolLit) {
            return ValueType.scalar(ScalarKind.BOOL, false);
        }
        if (literal instanceof Literal.DateLit) {
            return ValueType.scalar(ScalarKind.DATE, false);
        }
        if (literal instanceof Literal.DateTimeLit) {
            return ValueType.scalar(ScalarKind.DATE_TIME, false);
        }
        List<Literal> items = ((Literal.ListLit) literal).items();
        ScalarKind element = items.isEmpty() ? ScalarKind.STRING : literalType(items.get(0)).kind();
        return ValueType.listOf(element, false);
    }
}
