package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonShapeException;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The type of a property: a base type (with a dimension for vectors), optionally a list of it, or
 * an enum (whose base is {@link BaseType#STRING}), optionally nullable.
 *
 * <p>Enum values are held sorted and de-duplicated, as the reference stores them: value order is
 * not significant, so {@code enum(b, a)} and {@code enum(a, b)} are the same type.
 *
 * @param vectorDimension the dimension when {@code base} is {@link BaseType#VECTOR}, else 0
 * @param enumValues      the sorted values when this is an enum, else {@code null}
 */
public record PropertyType(BaseType base, int vectorDimension, boolean list, List<String> enumValues,
                           boolean nullable) {

    /** Largest vector dimension (the Arrow fixed-size-list bound, {@code i32::MAX}). */
    public static final int MAX_VECTOR_DIMENSION = Integer.MAX_VALUE;

    public PropertyType {
        Objects.requireNonNull(base, "base");
        if ((base == BaseType.VECTOR) != (vectorDimension > 0)) {
            throw new IllegalArgumentException("a vector needs a positive dimension and only a vector has one");
        }
        if (enumValues != null) {
            if (base != BaseType.STRING || list || enumValues.isEmpty()) {
                throw new IllegalArgumentException("an enum is a non-list String type with at least one value");
            }
            enumValues = List.copyOf(new TreeSet<>(enumValues));
        }
        if (list && (base == BaseType.VECTOR)) {
            throw new IllegalArgumentException("lists of vectors do not exist");
        }
    }

    public static PropertyType scalar(BaseType base, boolean nullable) {
        return new PropertyType(base, 0, false, null, nullable);
    }

    public static PropertyType vector(int dimension, boolean nullable) {
        return new PropertyType(BaseType.VECTOR, dimension, false, null, nullable);
    }

    public static PropertyType listOf(BaseType element, boolean nullable) {
        return new PropertyType(element, 0, true, null, nullable);
    }

    public static PropertyType enumOf(List<String> values, boolean nullable) {
        return new PropertyType(BaseType.STRING, 0, false, values, nullable);
    }

    public boolean isEnum() {
        return enumValues != null;
    }

    public boolean isVector() {
        return base == BaseType.VECTOR;
    }

    public boolean isBlob() {
        return base == BaseType.BLOB;
    }

    /** A plain (non-list, non-enum) String. */
    public boolean isPlainString() {
        return base == BaseType.STRING && !list && enumValues == null;
    }

    public PropertyType withNullable(boolean value) {
        return new PropertyType(base, vectorDimension, list, enumValues, value);
    }

    /** The scalar part as the reference spells it: {@code String}, {@code Vector(3)}. */
    public String scalarSpelling() {
        return base == BaseType.VECTOR ? "Vector(" + vectorDimension + ")" : base.spelling();
    }

    /** The source spelling, also used in messages: {@code [String]?}, {@code enum(a, b)}, {@code Vector(3)}. */
    public String displayName() {
        String core = enumValues != null ? "enum(" + String.join(", ", enumValues) + ")" : scalarSpelling();
        if (list) {
            core = "[" + core + "]";
        }
        return nullable ? core + "?" : core;
    }

    @Override
    public String toString() {
        return displayName();
    }

    /** The reference's JSON shape: {@code {"scalar":"String"|{"Vector":n},"nullable":…,"list":…,"enum_values":[…]|null}}. */
    public JsonObject toJson() {
        JsonValue scalar = base == BaseType.VECTOR
                ? JsonObject.builder().put("Vector", vectorDimension).build()
                : JsonValue.of(base.spelling());
        return JsonObject.builder()
                .put("scalar", scalar)
                .put("nullable", nullable)
                .put("list", list)
                .put("enum_values", enumValues == null ? JsonNull.INSTANCE : JsonArray.ofStrings(enumValues))
                .build();
    }

    public static PropertyType fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        JsonValue scalar = object.get("scalar");
        BaseType base;
        int dimension = 0;
        if (scalar instanceof JsonObject vector) {
            base = BaseType.VECTOR;
            long value = vector.get("Vector").asNumber().longValueExact();
            if (value < 1 || value > MAX_VECTOR_DIMENSION) {
                throw new JsonShapeException("vector dimension out of range: " + value);
            }
            dimension = (int) value;
        } else {
            String spelling = scalar.asString();
            base = BaseType.fromKeyword(spelling)
                    .orElseThrow(() -> new JsonShapeException("unknown scalar type '" + spelling + "'"));
        }
        JsonValue values = object.getOrNull("enum_values");
        List<String> enumValues = values == null ? null
                : values.asArray().elements().stream().map(JsonValue::asString).toList();
        try {
            return new PropertyType(base, dimension, object.get("list").asBoolean(), enumValues,
                    object.get("nullable").asBoolean());
        } catch (IllegalArgumentException invalid) {
            throw new JsonShapeException("invalid property type: " + invalid.getMessage());
        }
    }
}
