package dev.omnigraph.ports.out.table;

import java.util.List;
import java.util.Objects;

/**
 * A row predicate pushed down to storage. It is a typed tree, not a string, so that adapters render it
 * in their own dialect with correct quoting and no value can change the predicate's structure. Literal
 * values use the {@link ColumnType} representations of the column they are compared with. A comparison
 * with a null column value is never true (SQL semantics): only {@link IsNull} matches nulls.
 */
public sealed interface TableFilter {

    /** Matches every row. */
    TableFilter ALL = new All();

    /** Comparison operators. */
    enum Operator { EQ, NE, LT, LE, GT, GE }

    record All() implements TableFilter {}

    record Compare(String column, Operator operator, Object value) implements TableFilter {
        public Compare {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }
    }

    record IsNull(String column, boolean negated) implements TableFilter {}

    record In(String column, List<Object> values) implements TableFilter {
        public In {
            values = List.copyOf(values);
        }
    }

    /** Case-sensitive prefix of a UTF8 column. */
    record StartsWith(String column, String prefix) implements TableFilter {}

    /** Case-sensitive substring of a UTF8 column. */
    record Contains(String column, String text) implements TableFilter {}

    /** A LIST column has an element equal to the value. */
    record ListContains(String column, Object value) implements TableFilter {}

    record And(List<TableFilter> operands) implements TableFilter {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<TableFilter> operands) implements TableFilter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(TableFilter operand) implements TableFilter {}

    static TableFilter eq(String column, Object value) {
        return new Compare(column, Operator.EQ, value);
    }

    static TableFilter and(TableFilter... operands) {
        return new And(List.of(operands));
    }
}
