package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.ColumnVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * A {@link ColumnVector} reading an Arrow vector in place: no value is copied until asked for, and
 * typed accessors ({@link #getLong}, {@link #getDouble}, {@link #getBoolean}, {@link #getVector}) read
 * the buffers without boxing. Valid only while the Arrow vector is (until the cursor that produced it
 * advances or closes).
 */
final class ArrowColumnVector implements ColumnVector {

    private final ColumnSpec spec;
    private final FieldVector vector;
    private final int size;

    ArrowColumnVector(ColumnSpec spec, FieldVector vector, int size) {
        this.spec = spec;
        this.vector = vector;
        this.size = size;
    }

    @Override
    public ColumnSpec spec() {
        return spec;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isNull(int row) {
        return vector.isNull(row);
    }

    @Override
    public Object get(int row) {
        if (vector.isNull(row)) {
            return null;
        }
        ColumnType type = spec.type();
        if (type instanceof ColumnType.Scalar scalar) {
            return scalar(vector, scalar, row);
        }
        if (type instanceof ColumnType.Vector) {
            return getVector(row);
        }
        return list(row, ((ColumnType.ListOf) type).element());
    }

    @Override
    public String getString(int row) {
        if (vector.isNull(row)) {
            return null;
        }
        return string(vector, row);
    }

    @Override
    public long getLong(int row) {
        return integral(vector, row);
    }

    @Override
    public double getDouble(int row) {
        if (vector instanceof Float4Vector f) {
            return f.get(row);
        }
        if (vector instanceof Float8Vector d) {
            return d.get(row);
        }
        return integral(vector, row);
    }

    @Override
    public boolean getBoolean(int row) {
        return ((BitVector) vector).get(row) != 0;
    }

    @Override
    public float[] getVector(int row) {
        FixedSizeListVector fixed = (FixedSizeListVector) vector;
        int dimension = fixed.getListSize();
        Float4Vector data = (Float4Vector) fixed.getDataVector();
        float[] values = new float[dimension];
        int start = row * dimension;
        for (int j = 0; j < dimension; j++) {
            values[j] = data.isNull(start + j) ? Float.NaN : data.get(start + j);
        }
        return values;
    }

    private List<Object> list(int row, ColumnType.Scalar element) {
        ListVector lists = (ListVector) vector;
        int start = lists.getElementStartIndex(row);
        int end = lists.getElementEndIndex(row);
        ValueVector data = lists.getDataVector();
        List<Object> values = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            values.add(data.isNull(i) ? null : scalar((FieldVector) data, element, i));
        }
        return Collections.unmodifiableList(values);
    }

    static Object scalar(FieldVector vector, ColumnType.Scalar type, int index) {
        return switch (type) {
            case UTF8 -> string(vector, index);
            case BOOL -> ((BitVector) vector).get(index) != 0;
            case INT32, INT64, UINT32, UINT64, DATE, DATETIME -> integral(vector, index);
            case FLOAT32 -> (double) ((Float4Vector) vector).get(index);
            case FLOAT64 -> ((Float8Vector) vector).get(index);
        };
    }

    private static String string(FieldVector vector, int index) {
        if (vector instanceof VarCharVector utf8) {
            return new String(utf8.get(index), StandardCharsets.UTF_8);
        }
        return new String(((LargeVarCharVector) vector).get(index), StandardCharsets.UTF_8);
    }

    private static long integral(FieldVector vector, int index) {
        if (vector instanceof BigIntVector v) {
            return v.get(index);
        }
        if (vector instanceof IntVector v) {
            return v.get(index);
        }
        if (vector instanceof UInt4Vector v) {
            return Integer.toUnsignedLong(v.get(index));
        }
        if (vector instanceof UInt8Vector v) {
            return v.get(index);
        }
        if (vector instanceof DateDayVector v) {
            return v.get(index);
        }
        return ((DateMilliVector) vector).get(index);
    }
}
