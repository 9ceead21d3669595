package dev.omnigraph.ports.out.table;

/**
 * Read access to one column of a {@link ColumnarBatch}. Values follow the representations of
 * {@link ColumnType}. Implementations backed by storage buffers read them in place (no copy); such a
 * vector is valid only until its batch's cursor advances or closes.
 */
public interface ColumnVector {

    ColumnSpec spec();

    int size();

    boolean isNull(int row);

    /** The value as its boxed representation, or {@code null}. */
    Object get(int row);

    /** UTF8 values. */
    default String getString(int row) {
        return (String) get(row);
    }

    /** Integer, DATE and DATETIME values; undefined for a null. */
    default long getLong(int row) {
        return ((Number) get(row)).longValue();
    }

    /** Floating-point values; undefined for a null. */
    default double getDouble(int row) {
        return ((Number) get(row)).doubleValue();
    }

    /** BOOL values; undefined for a null. */
    default boolean getBoolean(int row) {
        return (Boolean) get(row);
    }

    /** VECTOR values, copied into a new array. */
    default float[] getVector(int row) {
        return ((float[]) get(row)).clone();
    }
}
