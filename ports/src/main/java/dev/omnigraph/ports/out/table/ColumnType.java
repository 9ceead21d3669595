package dev.omnigraph.ports.out.table;

import java.util.Objects;

/**
 * The type of a table column, and the Java representation of its values in a {@link ColumnVector}.
 *
 * <table>
 *   <caption>Value representations</caption>
 *   <tr><th>type</th><th>{@link ColumnVector#get}</th><th>typed accessor</th></tr>
 *   <tr><td>UTF8</td><td>String</td><td>getString</td></tr>
 *   <tr><td>BOOL</td><td>Boolean</td><td>getBoolean</td></tr>
 *   <tr><td>INT32, UINT32, INT64</td><td>Long</td><td>getLong</td></tr>
 *   <tr><td>UINT64</td><td>Long (two's complement of the unsigned value)</td><td>getLong</td></tr>
 *   <tr><td>FLOAT32, FLOAT64</td><td>Double</td><td>getDouble</td></tr>
 *   <tr><td>DATE</td><td>Long (days since 1970-01-01)</td><td>getLong</td></tr>
 *   <tr><td>DATETIME</td><td>Long (milliseconds since the epoch, UTC)</td><td>getLong</td></tr>
 *   <tr><td>VECTOR(n)</td><td>float[] of length n</td><td>getVector</td></tr>
 *   <tr><td>LIST(t)</td><td>List of t's representation (elements may be null)</td><td>get</td></tr>
 * </table>
 */
public sealed interface ColumnType {

    /** Scalar column types. */
    enum Scalar implements ColumnType {
        UTF8, BOOL, INT32, INT64, UINT32, UINT64, FLOAT32, FLOAT64, DATE, DATETIME
    }

    /** A fixed-width vector of 32-bit floats. */
    record Vector(int dimension) implements ColumnType {
        public Vector {
            if (dimension < 1) {
                throw new IllegalArgumentException("a vector needs at least one dimension, got " + dimension);
            }
        }
    }

    /** A variable-length list of scalar elements. */
    record ListOf(Scalar element) implements ColumnType {
        public ListOf {
            Objects.requireNonNull(element, "element");
        }
    }

    ColumnType UTF8 = Scalar.UTF8;
    ColumnType BOOL = Scalar.BOOL;
    ColumnType INT32 = Scalar.INT32;
    ColumnType INT64 = Scalar.INT64;
    ColumnType UINT32 = Scalar.UINT32;
    ColumnType UINT64 = Scalar.UINT64;
    ColumnType FLOAT32 = Scalar.FLOAT32;
    ColumnType FLOAT64 = Scalar.FLOAT64;
    ColumnType DATE = Scalar.DATE;
    ColumnType DATETIME = Scalar.DATETIME;
}
