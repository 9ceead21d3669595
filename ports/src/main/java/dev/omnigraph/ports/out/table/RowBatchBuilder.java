package dev.omnigraph.ports.out.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Builds an in-memory {@link ColumnarBatch} row by row, checking every value against its column's type
 * and nullability so that a malformed batch is refused before it reaches storage.
 */
public final class RowBatchBuilder {

    private final TableSchema schema;
    private final List<List<Object>> columns = new ArrayList<>();
    private int rows;

    public RowBatchBuilder(TableSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        for (int i = 0; i < schema.columns().size(); i++) {
            columns.add(new ArrayList<>());
        }
    }

    /**
     * Appends one row; values in column order, each in its type's representation ({@link ColumnType}).
     * Integer values may be given as any {@link Number} of integral kind and are stored as Long; floats
     * as any Number, stored as Double.
     */
    public RowBatchBuilder addRow(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        Object[] normalised = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            normalised[i] = normalise(schema.columns().get(i), values[i]);
        }
        for (int i = 0; i < values.length; i++) {
            columns.get(i).add(normalised[i] == null ? ListColumnVector.NULL : normalised[i]);
        }
        rows++;
        return this;
    }

    public int rowCount() {
        return rows;
    }

    /**
     * The rows added so far as a batch. The builder hands its columns over (no copy: a large load would
     * otherwise hold every value twice) and is empty afterwards.
     */
    public ColumnarBatch build() {
        List<ColumnVector> vectors = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            vectors.add(new ListColumnVector(schema.columns().get(i), Collections.unmodifiableList(columns.get(i))));
            columns.set(i, new ArrayList<>());
        }
        List<ColumnVector> frozen = List.copyOf(vectors);
        int count = rows;
        rows = 0;
        return new ColumnarBatch() {
            @Override
            public TableSchema schema() {
                return schema;
            }

            @Override
            public int rowCount() {
                return count;
            }

            @Override
            public List<ColumnVector> columns() {
                return frozen;
            }
        };
    }

    /** An empty batch of the schema. */
    public static ColumnarBatch empty(TableSchema schema) {
        return new RowBatchBuilder(schema).build();
    }

    static Object normalise(ColumnSpec column, Object value) {
        if (value == null) {
            if (!column.nullable()) {
                throw new IllegalArgumentException("column '" + column.name() + "' is not nullable");
            }
            return null;
        }
        ColumnType type = column.type();
        if (type instanceof ColumnType.Scalar scalar) {
            return normaliseScalar(column.name(), scalar, value);
        }
        if (type instanceof ColumnType.Vector vector) {
            if (!(value instanceof float[] floats) || floats.length != vector.dimension()) {
                throw new IllegalArgumentException("column '" + column.name() + "' needs a float[" + vector.dimension() + "]");
            }
            return floats.clone();
        }
        ColumnType.ListOf list = (ColumnType.ListOf) type;
        if (!(value instanceof List<?> elements)) {
            throw new IllegalArgumentException("column '" + column.name() + "' needs a list");
        }
        List<Object> normalised = new ArrayList<>(elements.size());
        for (Object element : elements) {
            normalised.add(element == null ? null : normaliseScalar(column.name(), list.element(), element));
        }
        return java.util.Collections.unmodifiableList(normalised);
    }

    private static Object normaliseScalar(String name, ColumnType.Scalar type, Object value) {
        switch (type) {
            case UTF8 -> {
                if (value instanceof String) {
                    return value;
                }
            }
            case BOOL -> {
                if (value instanceof Boolean) {
                    return value;
                }
            }
            case INT32, INT64, UINT32, UINT64, DATE, DATETIME -> {
                if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                    long v = ((Number) value).longValue();
                    checkRange(name, type, v);
                    return v;
                }
            }
            case FLOAT32, FLOAT64 -> {
                if (value instanceof Number number) {
                    return number.doubleValue();
                }
            }
        }
        throw new IllegalArgumentException("column '" + name + "' of type " + type + " cannot hold "
                + value.getClass().getSimpleName() + " " + value);
    }

    private static void checkRange(String name, ColumnType.Scalar type, long v) {
        boolean ok = switch (type) {
            case INT32, DATE -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            case UINT32 -> v >= 0 && v <= 0xFFFF_FFFFL;
            default -> true;
        };
        if (!ok) {
            throw new IllegalArgumentException("value " + v + " is out of range for column '" + name + "' of type " + type);
        }
    }

    /** A column held in a Java list. */
    private record ListColumnVector(ColumnSpec spec, List<Object> values) implements ColumnVector {
        static final Object NULL = new Object();

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public boolean isNull(int row) {
            return values.get(row) == NULL;
        }

        @Override
        public Object get(int row) {
            Object value = values.get(row);
            return value == NULL ? null : value;
        }
    }
}
