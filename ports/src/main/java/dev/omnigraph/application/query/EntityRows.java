package dev.omnigraph.application.query;

import dev.omnigraph.domain.query.typecheck.ValueType;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.ScanCursor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one node or edge type that one variable may bind to, copied out of storage batches
 * (batch views are only valid until their cursor moves). Row {@code i} is identified by
 * {@code ids[i]}; only the columns a query reads are held.
 */
final class EntityRows {

    static final String ID = "id";

    private final String tableKey;
    private final Map<String, ValueType> propertyTypes;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private String[] ids = new String[16];
    private Object[][] values;
    private int size;
    private Map<String, Integer> rowById;

    /**
     * @param propertyTypes every property of the type (for static typing of expressions)
     * @param columns the property columns held, excluding {@code id}
     */
    EntityRows(String tableKey, Map<String, ValueType> propertyTypes, List<String> columns) {
        this.tableKey = tableKey;
        this.propertyTypes = propertyTypes;
        this.columns = List.copyOf(columns);
        this.values = new Object[this.columns.size()][16];
        for (int i = 0; i < this.columns.size(); i++) {
            columnIndex.put(this.columns.get(i), i);
        }
    }

    String tableKey() {
        return tableKey;
    }

    Map<String, ValueType> propertyTypes() {
        return propertyTypes;
    }

    int size() {
        return size;
    }

    /** The property columns held (excluding {@code id}). */
    List<String> columns() {
        return columns;
    }

    String id(int row) {
        return ids[row];
    }

    /** The property value of a row ({@code id} included); a column that was not read is a plan bug. */
    Object value(String property, int row) {
        if (ID.equals(property)) {
            return ids[row];
        }
        Integer index = columnIndex.get(property);
        if (index == null) {
            throw new InvalidQueryPlanException("property '" + property + "' of " + tableKey + " was not read");
        }
        return values[index][row];
    }

    /** The row holding {@code id}, or -1. */
    int rowOf(String id) {
        if (rowById == null) {
            Map<String, Integer> index = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                index.putIfAbsent(ids[i], i);
            }
            rowById = index;
        }
        return rowById.getOrDefault(id, -1);
    }

    /** Appends an id-only row (for entities whose properties no expression reads). */
    int addIdOnly(String id) {
        ensureCapacity();
        ids[size] = id;
        rowById = null;
        return size++;
    }

    /** Copies every row of the cursor's batches, then closes the cursor. */
    EntityRows readAll(ScanCursor cursor) {
        try (cursor) {
            while (cursor.hasNext()) {
                append(cursor.next());
            }
        }
        return this;
    }

    private void append(ColumnarBatch batch) {
        ColumnVector idVector = batch.column(ID);
        ColumnVector[] vectors = new ColumnVector[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            vectors[c] = batch.column(columns.get(c));
        }
        int rows = batch.rowCount();
        for (int r = 0; r < rows; r++) {
            ensureCapacity();
            ids[size] = idVector.getString(r);
            for (int c = 0; c < vectors.length; c++) {
                values[c][size] = copy(vectors[c], r);
            }
            size++;
        }
        rowById = null;
    }

    /** One cell copied out of a batch view: vectors as arrays, lists as unmodifiable copies. */
    static Object copy(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        ColumnType type = vector.spec().type();
        if (type instanceof ColumnType.Vector) {
            return vector.getVector(row);
        }
        Object value = vector.get(row);
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(new ArrayList<>(list));
        }
        return value;
    }

    private void ensureCapacity() {
        if (size < ids.length) {
            return;
        }
        int capacity = ids.length * 2;
        ids = Arrays.copyOf(ids, capacity);
        for (int c = 0; c < values.length; c++) {
            values[c] = Arrays.copyOf(values[c], capacity);
        }
    }
}
