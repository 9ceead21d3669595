package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.InvalidTableRequestException;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Renders a {@link TableFilter} into the SQL filter dialect of Lance 7 (DataFusion expressions parsed
 * with Lance's dialect, a wrapper of sqlparser's generic dialect). Every rule below was checked against
 * lance-core 7.0.0 ({@code LanceFilterRendererTest} and the table-storage conformance suite):
 *
 * <ul>
 *   <li>Identifiers are always back-quoted ({@code `name`}), which also covers keywords and spaces. A
 *       name containing a back-quote is refused, and every column must exist in the table's schema with
 *       a type the operator accepts, so no name or value can change the predicate's structure.</li>
 *   <li>String literals are single-quoted with {@code '} doubled. The dialect has no backslash escapes:
 *       {@code 'a\b'} is the three characters a, backslash, b, so backslashes are emitted as they
 *       are.</li>
 *   <li>Lance converts a literal to the column's type and refuses a plain integer against a date
 *       column, so DATE literals are {@code arrow_cast(<days>, 'Date32')} and DATETIME literals
 *       {@code arrow_cast(<millis>, 'Date64')}: exact, ordered comparisons with no time-zone or text
 *       conversion.</li>
 *   <li>Integers are decimal, except where the parser would read them as a float and lose precision:
 *       {@code Long.MIN_VALUE} and UINT64 values above {@code Long.MAX_VALUE} (given as two's
 *       complement) are cast from their exact decimal text. Floats are written in plain decimal;
 *       NaN and infinities are cast from text.</li>
 *   <li>Prefix and substring tests use {@code starts_with} and {@code contains}, which take the text
 *       literally ({@code LIKE} would give {@code %} and {@code _} meaning). List membership is
 *       {@code array_has}.</li>
 *   <li>An empty IN is {@code FALSE}, an empty AND {@code TRUE}, an empty OR {@code FALSE}; every
 *       operand is parenthesised.</li>
 * </ul>
 */
final class LanceFilterRenderer {

    private LanceFilterRenderer() {}

    /**
     * The Lance filter for a predicate, or empty for {@link TableFilter#ALL} (no filter).
     *
     * @throws InvalidTableRequestException if the predicate names a missing column or does not fit its type
     */
    static Optional<String> render(TableFilter filter, TableSchema schema) {
        if (filter instanceof TableFilter.All) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        new LanceFilterRenderer.Writer(schema, out).write(filter);
        return Optional.of(out.toString());
    }

    /** A back-quoted identifier. */
    static String identifier(String name) {
        if (name.indexOf('`') >= 0) {
            throw new InvalidTableRequestException("column name " + name + " contains a back-quote, which filters cannot name", null);
        }
        return '`' + name + '`';
    }

    /** A single-quoted string literal. */
    static String string(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    private record Writer(TableSchema schema, StringBuilder out) {

        void write(TableFilter filter) {
            if (filter instanceof TableFilter.All) {
                out.append("TRUE");
            } else if (filter instanceof TableFilter.Compare compare) {
                ColumnSpec column = scalarColumn(compare.column(), "compare");
                out.append(identifier(column.name())).append(' ').append(operator(compare.operator())).append(' ')
                        .append(literal(column, (ColumnType.Scalar) column.type(), compare.value()));
            } else if (filter instanceof TableFilter.IsNull isNull) {
                out.append(identifier(column(isNull.column()).name())).append(isNull.negated() ? " IS NOT NULL" : " IS NULL");
            } else if (filter instanceof TableFilter.In in) {
                ColumnSpec column = scalarColumn(in.column(), "test membership of");
                if (in.values().isEmpty()) {
                    out.append("FALSE");
                    return;
                }
                out.append(identifier(column.name())).append(" IN (");
                for (int i = 0; i < in.values().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    out.append(literal(column, (ColumnType.Scalar) column.type(), in.values().get(i)));
                }
                out.append(')');
            } else if (filter instanceof TableFilter.StartsWith startsWith) {
                ColumnSpec column = textColumn(startsWith.column(), "starts with");
                out.append("starts_with(").append(identifier(column.name())).append(", ")
                        .append(string(requireText(startsWith.prefix(), column))).append(')');
            } else if (filter instanceof TableFilter.Contains contains) {
                ColumnSpec column = textColumn(contains.column(), "contains");
                out.append("contains(").append(identifier(column.name())).append(", ")
                        .append(string(requireText(contains.text(), column))).append(')');
            } else if (filter instanceof TableFilter.ListContains listContains) {
                ColumnSpec column = column(listContains.column());
                if (!(column.type() instanceof ColumnType.ListOf list)) {
                    throw refuse("list contains needs a LIST column, '" + column.name() + "' is " + column.type());
                }
                out.append("array_has(").append(identifier(column.name())).append(", ")
                        .append(literal(column, list.element(), listContains.value())).append(')');
            } else if (filter instanceof TableFilter.And and) {
                junction(and.operands(), " AND ", "TRUE");
            } else if (filter instanceof TableFilter.Or or) {
                junction(or.operands(), " OR ", "FALSE");
            } else {
                out.append("NOT (");
                write(((TableFilter.Not) filter).operand());
                out.append(')');
            }
        }

        private void junction(List<TableFilter> operands, String separator, String empty) {
            if (operands.isEmpty()) {
                out.append(empty);
                return;
            }
            for (int i = 0; i < operands.size(); i++) {
                if (i > 0) {
                    out.append(separator);
                }
                out.append('(');
                write(operands.get(i));
                out.append(')');
            }
        }

        private ColumnSpec column(String name) {
            if (name == null) {
                throw refuse("a filter names no column");
            }
            return schema.column(name).orElseThrow(() -> refuse("the table has no column '" + name + "'"));
        }

        private ColumnSpec scalarColumn(String name, String what) {
            ColumnSpec column = column(name);
            if (!(column.type() instanceof ColumnType.Scalar)) {
                throw refuse("cannot " + what + " the " + column.type() + " column '" + name + "'");
            }
            return column;
        }

        private ColumnSpec textColumn(String name, String what) {
            ColumnSpec column = column(name);
            if (column.type() != ColumnType.UTF8) {
                throw refuse("'" + what + "' needs a UTF8 column, '" + name + "' is " + column.type());
            }
            return column;
        }

        private static String requireText(String value, ColumnSpec column) {
            if (value == null) {
                throw refuse("a text test of '" + column.name() + "' needs a value");
            }
            return value;
        }
    }

    private static String operator(TableFilter.Operator operator) {
        return switch (operator) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    /** A literal of the column's (or list element's) scalar type. */
    static String literal(ColumnSpec column, ColumnType.Scalar type, Object value) {
        if (value == null) {
            throw refuse("a comparison with '" + column.name() + "' needs a value; use IsNull for nulls");
        }
        switch (type) {
            case UTF8 -> {
                if (value instanceof String text) {
                    return string(text);
                }
            }
            case BOOL -> {
                if (value instanceof Boolean bool) {
                    return bool ? "TRUE" : "FALSE";
                }
            }
            case INT32, INT64, UINT32, UINT64 -> {
                if (isIntegral(value)) {
                    return integer(type, ((Number) value).longValue());
                }
            }
            case DATE -> {
                if (isIntegral(value)) {
                    return "arrow_cast(" + integer(ColumnType.Scalar.INT64, ((Number) value).longValue()) + ", 'Date32')";
                }
            }
            case DATETIME -> {
                if (isIntegral(value)) {
                    return "arrow_cast(" + integer(ColumnType.Scalar.INT64, ((Number) value).longValue()) + ", 'Date64')";
                }
            }
            case FLOAT32, FLOAT64 -> {
                if (value instanceof Number number) {
                    return floating(number.doubleValue());
                }
            }
        }
        throw refuse("column '" + column.name() + "' of type " + type + " cannot be compared with "
                + value.getClass().getSimpleName() + " " + value);
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static String integer(ColumnType.Scalar type, long value) {
        if (type == ColumnType.Scalar.UINT64 && value < 0) {
            return "arrow_cast('" + Long.toUnsignedString(value) + "', 'UInt64')";
        }
        if (value == Long.MIN_VALUE) {
            return "arrow_cast('" + value + "', 'Int64')";
        }
        return Long.toString(value);
    }

    private static String floating(double value) {
        if (Double.isNaN(value)) {
            return "CAST('NaN' AS DOUBLE)";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "CAST('Infinity' AS DOUBLE)" : "CAST('-Infinity' AS DOUBLE)";
        }
        String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return plain.indexOf('.') < 0 ? plain + ".0" : plain;
    }

    private static InvalidTableRequestException refuse(String message) {
        return new InvalidTableRequestException(message, null);
    }
}
