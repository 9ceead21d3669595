package dev.omnigraph.domain.query.result;

import dev.omnigraph.domain.json.JsonArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rows of a read query in result order. Values use the typed representation of
 * {@link dev.omnigraph.domain.graph.load.PropertyValues}: String, Boolean, Long (integers, Date as
 * epoch days, DateTime as epoch milliseconds, U64 as its bits), Double (floats), {@code float[]}
 * (vectors), unmodifiable List (lists); {@code null} for a missing value.
 *
 * <p>Immutable: rows are copied on construction. Vector values are shared with the caller, who must
 * not modify them.
 */
public final class QueryResult {

    private final List<ResultColumn> columns;
    private final List<List<Object>> rows;

    public QueryResult(List<ResultColumn> columns, List<? extends List<?>> rows) {
        this.columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>(rows.size());
        for (List<?> row : rows) {
            Objects.requireNonNull(row, "row");
            if (row.size() != this.columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " values for "
                        + this.columns.size() + " columns");
            }
            copied.add(Collections.unmodifiableList(Arrays.asList(row.toArray())));
        }
        this.rows = Collections.unmodifiableList(copied);
    }

    public List<ResultColumn> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(ResultColumn::name).toList();
    }

    /** The rows; each row holds one value per column, in column order (values may be null). */
    public List<List<Object>> rows() {
        return rows;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The value of {@code column} in row {@code row}. */
    public Object value(int row, String column) {
        int index = columnNames().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no result column '" + column + "'");
        }
        return rows.get(row).get(index);
    }

    /** The reference's SDK JSON: an array with one object per row (see {@link ResultJson}). */
    public JsonArray toJson() {
        return ResultJson.rows(this);
    }

    @Override
    public String toString() {
        return "QueryResult" + columnNames() + " " + rows.size() + " rows";
    }
}
