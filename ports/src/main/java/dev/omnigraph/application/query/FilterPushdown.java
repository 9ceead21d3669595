package dev.omnigraph.application.query;

import dev.omnigraph.domain.query.plan.FilterOp;
import dev.omnigraph.domain.query.plan.PlanExpr;
import dev.omnigraph.domain.query.plan.PlanFilter;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;
import dev.omnigraph.ports.out.table.TableFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates single-variable plan filters into {@link TableFilter}s a table scan evaluates, when the
 * translation is exact: {@code property op constant} (either side) for comparisons, {@code property
 * contains constant} for list membership and substrings, {@code property starts_with constant}. The
 * constant must be representable in the column's own representation without loss (an I32 column is
 * only compared with an integer in I32 range, an integer column never with a float, …); otherwise, and
 * whenever the constant is NULL, the filter stays in memory. A filter is never dropped: what is not
 * pushed is evaluated by {@link ExpressionEvaluator}.
 */
final class FilterPushdown {

    private static final long MAX_EXACT_DOUBLE_INTEGER = 1L << 53;

    private final ExpressionEvaluator evaluator;

    FilterPushdown(ExpressionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * The table filter equivalent to {@code filter} over the rows of {@code variable}, or empty.
     *
     * @param columnTypes the property types of the variable's table ({@code id} is implied)
     */
    Optional<TableFilter> translate(PlanFilter filter, String variable, Map<String, ValueType> columnTypes) {
        if (filter.isTextSearch()) {
            return Optional.empty();
        }
        PlanExpr left = filter.left();
        PlanExpr right = filter.right();
        FilterOp op = filter.op();
        if (!(left instanceof PlanExpr.Property) && right instanceof PlanExpr.Property && isComparison(op)) {
            PlanExpr swap = left;
            left = right;
            right = swap;
            op = mirrored(op);
        }
        if (!(left instanceof PlanExpr.Property property) || !property.variable().equals(variable)
                || !ExpressionEvaluator.isConstant(right)) {
            return Optional.empty();
        }
        String column = property.property();
        ValueType columnType = EntityRows.ID.equals(column)
                ? ValueType.scalar(ScalarKind.STRING, false) : columnTypes.get(column);
        if (columnType == null) {
            return Optional.empty();
        }
        Object constant = evaluator.constant(right);
        if (constant == null) {
            return Optional.empty();
        }
        ValueType constantType = evaluator.constantType(right);
        FilterOp resolved = op;
        return switch (resolved) {
            case EQ, NE, LT, LE, GT, GE -> columnType.list() || columnType.isVector() ? Optional.empty()
                    : columnValue(columnType.kind(), constant, constantType.kind())
                            .map(value -> new TableFilter.Compare(column, operator(resolved), value));
            case LIST_CONTAINS -> columnType.list()
                    ? columnValue(columnType.kind(), constant, constantType.kind())
                            .map(value -> new TableFilter.ListContains(column, value))
                    : Optional.empty();
            case STRING_CONTAINS -> isScalarString(columnType) && constant instanceof String text
                    ? Optional.of(new TableFilter.Contains(column, text)) : Optional.empty();
            case STARTS_WITH -> isScalarString(columnType) && constant instanceof String text
                    ? Optional.of(new TableFilter.StartsWith(column, text)) : Optional.empty();
        };
    }

    /** The conjunction of filters, {@link TableFilter#ALL} for none. */
    static TableFilter conjunction(List<TableFilter> filters) {
        if (filters.isEmpty()) {
            return TableFilter.ALL;
        }
        return filters.size() == 1 ? filters.get(0) : new TableFilter.And(filters);
    }

    private static boolean isScalarString(ValueType type) {
        return !type.list() && type.kind() == ScalarKind.STRING;
    }

    private static boolean isComparison(FilterOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    private static FilterOp mirrored(FilterOp op) {
        return switch (op) {
            case LT -> FilterOp.GT;
            case LE -> FilterOp.GE;
            case GT -> FilterOp.LT;
            case GE -> FilterOp.LE;
            default -> op;
        };
    }

    private static TableFilter.Operator operator(FilterOp op) {
        return switch (op) {
            case EQ -> TableFilter.Operator.EQ;
            case NE -> TableFilter.Operator.NE;
            case LT -> TableFilter.Operator.LT;
            case LE -> TableFilter.Operator.LE;
            case GT -> TableFilter.Operator.GT;
            case GE -> TableFilter.Operator.GE;
            default -> throw new IllegalArgumentException("not a comparison: " + op);
        };
    }

    /** The constant in the column's representation, when that is exact. */
    private static Optional<Object> columnValue(ScalarKind column, Object value, ScalarKind valueKind) {
        switch (column) {
            case STRING -> {
                return value instanceof String ? Optional.of(value) : Optional.empty();
            }
            case BOOL -> {
                return value instanceof Boolean ? Optional.of(value) : Optional.empty();
            }
            case I32, I64, U32, U64 -> {
                if (!(value instanceof Long integer) || !valueKind.isInteger()) {
                    return Optional.empty();
                }
                boolean unsignedValue = valueKind == ScalarKind.U64;
                boolean fits = switch (column) {
                    case I32 -> !unsignedValue && integer >= Integer.MIN_VALUE && integer <= Integer.MAX_VALUE;
                    case U32 -> !unsignedValue && integer >= 0 && integer <= 0xFFFF_FFFFL;
                    case I64 -> !unsignedValue || integer >= 0;
                    default -> unsignedValue || integer >= 0;
                };
                return fits ? Optional.of(integer) : Optional.empty();
            }
            case F32, F64 -> {
                double number;
                if (value instanceof Double floating) {
                    number = floating;
                } else if (value instanceof Long integer && valueKind.isInteger()) {
                    boolean exact = valueKind == ScalarKind.U64
                            ? integer >= 0 && integer <= MAX_EXACT_DOUBLE_INTEGER
                            : Math.abs(integer) <= MAX_EXACT_DOUBLE_INTEGER;
                    if (!exact) {
                        return Optional.empty();
                    }
                    number = integer.doubleValue();
                } else {
                    return Optional.empty();
                }
                if (column == ScalarKind.F32 && valueKind != ScalarKind.F32) {
                    number = (float) number;
                }
                return Optional.of(number);
            }
            case DATE, DATE_TIME -> {
                return value instanceof Long && valueKind == column ? Optional.of(value) : Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
