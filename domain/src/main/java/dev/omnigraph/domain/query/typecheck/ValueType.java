package dev.omnigraph.domain.query.typecheck;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A resolved value type: scalar kind, optional vector dimension, list-ness, nullability and, for enum
 * properties, the sorted set of allowed values (an enum is a String with a closed value set).
 *
 * @param vectorDimension the dimension for {@link ScalarKind#VECTOR}, otherwise 0
 * @param enumValues sorted, de-duplicated allowed values; empty when the type is not an enum
 */
public record ValueType(
        ScalarKind kind, int vectorDimension, boolean list, boolean nullable, List<String> enumValues) {

    /** The largest vector dimension the storage format can represent (2³¹−1). */
    public static final long MAX_VECTOR_DIMENSION = Integer.MAX_VALUE;

    public ValueType {
        Objects.requireNonNull(kind, "kind");
        if ((kind == ScalarKind.VECTOR) != (vectorDimension > 0)) {
            throw new IllegalArgumentException("a vector type needs a positive dimension and only it has one");
        }
        enumValues = List.copyOf(new TreeSet<>(enumValues));
        if (!enumValues.isEmpty() && kind != ScalarKind.STRING) {
            throw new IllegalArgumentException("enum values only exist on String types");
        }
    }

    public static ValueType scalar(ScalarKind kind, boolean nullable) {
        return new ValueType(kind, 0, false, nullable, List.of());
    }

    public static ValueType listOf(ScalarKind kind, boolean nullable) {
        return new ValueType(kind, 0, true, nullable, List.of());
    }

    public static ValueType vector(int dimension, boolean nullable) {
        return new ValueType(ScalarKind.VECTOR, dimension, false, nullable, List.of());
    }

    public static ValueType enumOf(List<String> values, boolean list, boolean nullable) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an enum needs at least one value");
        }
        return new ValueType(ScalarKind.STRING, 0, list, nullable, values);
    }

    public boolean isEnum() {
        return !enumValues.isEmpty();
    }

    public boolean isBlob() {
        return kind == ScalarKind.BLOB;
    }

    public boolean isVector() {
        return kind == ScalarKind.VECTOR;
    }

    /** True for a non-list String (enums included). */
    public boolean isScalarString() {
        return !list && kind == ScalarKind.STRING;
    }

    /** The element type of a list (same kind and nullability, no list), or this type itself. */
    public ValueType member() {
        return new ValueType(kind, vectorDimension, false, nullable, enumValues);
    }

    public ValueType withNullable(boolean value) {
        return new ValueType(kind, vectorDimension, list, value, enumValues);
    }

    /**
     * Whether two types may be compared or assigned: same list-ness and either the same scalar kind or
     * two numeric kinds. Vector dimensions and enum value sets do not participate (as in the reference).
     */
    public boolean compatibleWith(ValueType other) {
        if (list != other.list) {
            return false;
        }
        return kind == other.kind || (kind.isNumeric() && other.kind.isNumeric());
    }

    /** Human-readable form used in messages: {@code String?}, {@code [I32]}, {@code enum(a, b)}, {@code Vector(3)}. */
    public String displayName() {
        String base;
        if (isEnum()) {
            base = "enum(" + String.join(", ", enumValues) + ")";
        } else if (kind == ScalarKind.VECTOR) {
            base = "Vector(" + vectorDimension + ")";
        } else {
            base = kind.spelling();
        }
        String wrapped = list ? "[" + base + "]" : base;
        return nullable ? wrapped + "?" : wrapped;
    }
}
