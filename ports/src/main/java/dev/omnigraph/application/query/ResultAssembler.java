package dev.omnigraph.application.query;

import dev.omnigraph.domain.graph.load.PropertyValues;
import dev.omnigraph.domain.query.ast.AggFunc;
import dev.omnigraph.domain.query.plan.OutputColumn;
import dev.omnigraph.domain.query.plan.OutputStage;
import dev.omnigraph.domain.query.plan.PlanExpr;
import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.query.plan.SortKey;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.result.ResultColumn;
import dev.omnigraph.domain.query.typecheck.ResolvedType;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns match rows into result rows (engine notes §3.2, §3.5): projection, or aggregation with group
 * keys (one row even over no input when there is no key); then the total order — user keys with NULLs
 * first ascending and last descending, then the bound entities' ids ascending — and the limit.
 */
final class ResultAssembler {

    private static final ValueType ID_TYPE = ValueType.scalar(ScalarKind.STRING, false);
    private static final ValueType OPAQUE_TYPE = ValueType.scalar(ScalarKind.I64, true);

    private final ExpressionEvaluator evaluator;

    ResultAssembler(ExpressionEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    QueryResult assemble(ReadPlan plan, Frame frame) {
        List<OutputColumn> outputs = plan.output().columns();
        List<ResultColumn> columns = new ArrayList<>(outputs.size());
        for (OutputColumn output : outputs) {
            columns.add(new ResultColumn(output.name(), columnType(output)));
        }
        List<Object[]> rows = plan.output() instanceof OutputStage.Aggregate
                ? aggregate(outputs, columns, frame, plan)
                : project(outputs, columns, frame, plan);
        if (plan.limit().isPresent() && rows.size() > plan.limit().getAsLong()) {
            rows = rows.subList(0, (int) plan.limit().getAsLong());
        }
        List<List<Object>> values = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            values.add(Arrays.asList(row));
        }
        return new QueryResult(columns, values);
    }

    /** The type of a result column's values (a bare variable is its String id). */
    static ValueType columnType(OutputColumn output) {
        ResolvedType type = output.type();
        if (type instanceof ResolvedType.Scalar scalar) {
            return scalar.type();
        }
        if (type instanceof ResolvedType.NodeRef) {
            return ID_TYPE;
        }
        return OPAQUE_TYPE;
    }

    // ── projection ───────────────────────────────────────────────────────────────────────

    private List<Object[]> project(List<OutputColumn> outputs, List<ResultColumn> columns, Frame frame, ReadPlan plan) {
        int width = outputs.size();
        ExpressionEvaluator.CompiledValue[] compiled = new ExpressionEvaluator.CompiledValue[width];
        int[] aliasOf = new int[width];
        for (int c = 0; c < width; c++) {
            PlanExpr expr = outputs.get(c).expr();
            aliasOf[c] = -1;
            if (expr instanceof PlanExpr.ColumnRef ref) {
                aliasOf[c] = earlierColumn(columns, ref.alias(), c);
            } else if (expr instanceof PlanExpr.Aggregate) {
                throw new InvalidQueryPlanException("aggregate column '" + outputs.get(c).name() + "' in a projection");
            } else {
                compiled[c] = evaluator.compile(expr, frame);
            }
        }
        List<int[]> matchRows = frame.rows();
        List<Object[]> projected = new ArrayList<>(matchRows.size());
        for (int[] row : matchRows) {
            Object[] values = new Object[width];
            for (int c = 0; c < width; c++) {
                values[c] = aliasOf[c] >= 0 ? values[aliasOf[c]] : compiled[c].apply(row);
            }
            projected.add(values);
        }
        if (plan.order().isEmpty()) {
            return projected;
        }
        List<SortKey> keys = plan.order().get().keys();
        Object[][] keyValues = new Object[matchRows.size()][keys.size()];
        ScalarKind[] keyKinds = new ScalarKind[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            PlanExpr expr = keys.get(k).expr();
            if (expr instanceof PlanExpr.ColumnRef ref) {
                int column = columnIndex(columns, ref.alias());
                keyKinds[k] = columns.get(column).type().kind();
                for (int r = 0; r < matchRows.size(); r++) {
                    keyValues[r][k] = projected.get(r)[column];
                }
            } else {
                ExpressionEvaluator.CompiledValue value = evaluator.compile(expr, frame);
                keyKinds[k] = value.kind();
                for (int r = 0; r < matchRows.size(); r++) {
                    keyValues[r][k] = value.apply(matchRows.get(r));
                }
            }
        }
        List<String> tieBreak = plan.order().get().tieBreakVariables().stream().filter(frame::binds).toList();
        Comparator<Integer> order = userOrder(keys, keyKinds, keyValues);
        for (String variable : tieBreak) {
            int slot = frame.slot(variable);
            EntityRows source = frame.source(slot);
            order = order.thenComparing(r -> source.id(matchRows.get(r)[slot]), ValueComparison::compareStrings);
        }
        return sorted(projected, order);
    }

    private static int earlierColumn(List<ResultColumn> columns, String alias, int before) {
        for (int c = 0; c < before; c++) {
            if (columns.get(c).name().equals(alias)) {
                return c;
            }
        }
        throw new InvalidQueryPlanException("alias '" + alias + "' is not an earlier result column");
    }

    private static int columnIndex(List<ResultColumn> columns, String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        throw new InvalidQueryPlanException("order key '" + name + "' is not a result column");
    }

    // ── aggregation ──────────────────────────────────────────────────────────────────────

    private List<Object[]> aggregate(List<OutputColumn> outputs, List<ResultColumn> columns, Frame frame, ReadPlan plan) {
        int width = outputs.size();
        ExpressionEvaluator.CompiledValue[] compiled = new ExpressionEvaluator.CompiledValue[width];
        boolean hasGroupKey = false;
        for (int c = 0; c < width; c++) {
            PlanExpr expr = outputs.get(c).expr();
            if (expr instanceof PlanExpr.Aggregate aggregate) {
                compiled[c] = evaluator.compile(aggregate.argument(), frame);
            } else {
                compiled[c] = evaluator.compile(expr, frame);
                hasGroupKey = true;
            }
        }
        Map<List<Object>, List<int[]>> groups = new LinkedHashMap<>();
        for (int[] row : frame.rows()) {
            List<Object> key = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                if (!outputs.get(c).isAggregate()) {
                    key.add(groupValue(compiled[c].apply(row)));
                }
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        if (!hasGroupKey && groups.isEmpty()) {
            groups.put(List.of(), List.of());
        }
        List<Object[]> results = new ArrayList<>(groups.size());
        for (List<int[]> members : groups.values()) {
            Object[] values = new Object[width];
            for (int c = 0; c < width; c++) {
                OutputColumn output = outputs.get(c);
                if (output.expr() instanceof PlanExpr.Aggregate aggregate) {
                    values[c] = aggregateValue(aggregate, compiled[c], members);
                } else {
                    values[c] = compiled[c].apply(members.get(0));
                }
            }
            results.add(values);
        }
        if (plan.order().isEmpty()) {
            return results;
        }
        List<SortKey> keys = plan.order().get().keys();
        int[] keyColumns = new int[keys.size()];
        ScalarKind[] keyKinds = new ScalarKind[keys.size()];
        for (int k = 0; k < keys.size(); k++) {
            keyColumns[k] = aggregateColumn(outputs, keys.get(k).expr());
            keyKinds[k] = columns.get(keyColumns[k]).type().kind();
        }
        Object[][] keyValues = new Object[results.size()][keys.size()];
        for (int r = 0; r < results.size(); r++) {
            for (int k = 0; k < keys.size(); k++) {
                keyValues[r][k] = results.get(r)[keyColumns[k]];
            }
        }
        // Group rows are distinct, but equal sort keys would otherwise come out in input order;
        // every column ascending makes the order total and reproducible.
        Comparator<Integer> order = userOrder(keys, keyKinds, keyValues);
        for (int c = 0; c < width; c++) {
            int column = c;
            ScalarKind kind = columns.get(c).type().kind();
            order = order.thenComparing((a, b) -> compareNullsFirst(results.get(a)[column], results.get(b)[column], kind));
        }
        return sorted(results, order);
    }

    /** Group keys compare by value; vectors are arrays, so they are keyed by their contents. */
    private static Object groupValue(Object value) {
        if (value instanceof float[] vector) {
            List<Float> contents = new ArrayList<>(vector.length);
            for (float component : vector) {
                contents.add(component);
            }
            return contents;
        }
        return value;
    }

    private static int aggregateColumn(List<OutputColumn> outputs, PlanExpr key) {
        for (int c = 0; c < outputs.size(); c++) {
            if (key instanceof PlanExpr.ColumnRef ref ? outputs.get(c).name().equals(ref.alias())
                    : outputs.get(c).expr().equals(key)) {
                return c;
            }
        }
        if (key instanceof PlanExpr.Property property) {
            String name = property.variable() + "." + property.property();
            for (int c = 0; c < outputs.size(); c++) {
                if (outputs.get(c).name().equals(name)) {
                    return c;
                }
            }
        }
        throw new InvalidQueryPlanException("order key " + key + " is not a column of the aggregate result");
    }

    private static Object aggregateValue(PlanExpr.Aggregate aggregate, ExpressionEvaluator.CompiledValue argument,
                                         List<int[]> members) {
        ScalarKind kind = argument.kind();
        switch (aggregate.function()) {
            case COUNT -> {
                long count = 0;
                for (int[] row : members) {
                    if (argument.apply(row) != null) {
                        count++;
                    }
                }
                return count;
            }
            case SUM, AVG -> {
                double sum = 0;
                long count = 0;
                for (int[] row : members) {
                    Object value = argument.apply(row);
                    if (value != null) {
                        sum += asDouble((Number) value, kind);
                        count++;
                    }
                }
                if (count == 0) {
                    return null;
                }
                return aggregate.function() == AggFunc.SUM ? sum : sum / count;
            }
            default -> {
                boolean minimum = aggregate.function() == AggFunc.MIN;
                Object best = null;
                for (int[] row : members) {
                    Object value = argument.apply(row);
                    if (value == null) {
                        continue;
                    }
                    if (best == null) {
                        best = value;
                    } else {
                        int order = ValueComparison.compare(value, kind, best, kind);
                        if (minimum ? order < 0 : order > 0) {
                            best = value;
                        }
                    }
                }
                return best;
            }
        }
    }

    private static double asDouble(Number value, ScalarKind kind) {
        if (kind == ScalarKind.U64) {
            return PropertyValues.unsigned(value.longValue()).doubleValue();
        }
        return value.doubleValue();
    }

    // ── ordering ─────────────────────────────────────────────────────────────────────────

    private static Comparator<Integer> userOrder(List<SortKey> keys, ScalarKind[] kinds, Object[][] values) {
        return (a, b) -> {
            for (int k = 0; k < keys.size(); k++) {
                Object x = values[a][k];
                Object y = values[b][k];
                SortKey key = keys.get(k);
                int order;
                if (x == null || y == null) {
                    if (x == y) {
                        continue;
                    }
                    order = (x == null) == key.nullsFirst() ? -1 : 1;
                    return order;
                }
                order = ValueComparison.compare(x, kinds[k], y, kinds[k]);
                if (order != 0) {
                    return key.descending() ? -order : order;
                }
            }
            return 0;
        };
    }

    private static int compareNullsFirst(Object x, Object y, ScalarKind kind) {
        if (x == null || y == null) {
            return x == y ? 0 : (x == null ? -1 : 1);
        }
        if (!ValueComparison.comparable(x, y)) {
            return 0;
        }
        return ValueComparison.compare(x, kind, y, kind);
    }

    private static List<Object[]> sorted(List<Object[]> rows, Comparator<Integer> order) {
        Integer[] indices = new Integer[rows.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        Arrays.sort(indices, order);
        List<Object[]> result = new ArrayList<>(indices.length);
        for (Integer index : indices) {
            result.add(rows.get(index));
        }
        return result;
    }
}
