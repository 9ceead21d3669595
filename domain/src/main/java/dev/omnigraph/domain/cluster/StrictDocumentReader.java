package dev.omnigraph.domain.cluster;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a generic document tree into typed values with the strictness of the reference's
 * {@code deny_unknown_fields} decoders, collecting every problem instead of stopping at the first.
 *
 * <p>Contract: every method that reads a value either returns it or records one problem and
 * returns {@code null} (or an empty optional/list), so callers keep walking and report all unknown
 * fields, missing fields and wrong types of a document in one pass. Problems read like the
 * reference's serde messages, prefixed with the dotted location ({@code graphs.g: unknown field
 * `x`, expected one of `schema`, ...}). JSON {@code null} counts as absent for optional fields;
 * {@code nullMeansEmpty} lets a YAML {@code key:} with no value stand for an empty mapping or list.
 * Instances are single-use and not thread-safe.
 */
public final class StrictDocumentReader {

    private static final BigInteger U32_MAX = BigInteger.valueOf(4_294_967_295L);
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    private final List<String> problems = new ArrayList<>();

    /** Problems found so far, in document order. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean clean() {
        return problems.isEmpty();
    }

    public void problem(String path, String message) {
        problems.add(path.isEmpty() ? message : path + ": " + message);
    }

    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static String index(String path, int index) {
        return path + "[" + index + "]";
    }

    /**
     * An object with exactly the given fields allowed; records one problem per unknown field
     * (naming the allowed ones) and returns the object, or {@code null} when it is not an object.
     */
    public JsonObject struct(JsonValue value, String path, String typeName, List<String> allowedFields,
                             boolean nullMeansEmpty) {
        JsonObject object = object(value, path, "struct " + typeName, nullMeansEmpty);
        if (object == null) {
            return null;
        }
        for (String key : object.keys()) {
            if (!allowedFields.contains(key)) {
                problem(path, "unknown field `" + key + "`, " + expectation(allowedFields));
            }
        }
        return object;
    }

    /** A free-keyed mapping (a map of named entries). */
    public JsonObject map(JsonValue value, String path, boolean nullMeansEmpty) {
        return object(value, path, "a map", nullMeansEmpty);
    }

    private JsonObject object(JsonValue value, String path, String expected, boolean nullMeansEmpty) {
        if (value instanceof JsonObject object) {
            return object;
        }
        if (nullMeansEmpty && value.isNull()) {
            return JsonObject.empty();
        }
        invalidType(value, path, expected);
        return null;
    }

    /** A list; {@code null} when the value is not one. */
    public List<JsonValue> sequence(JsonValue value, String path, boolean nullMeansEmpty) {
        if (value instanceof JsonArray array) {
            return array.elements();
        }
        if (nullMeansEmpty && value.isNull()) {
            return List.of();
        }
        invalidType(value, path, "a sequence");
        return null;
    }

    /** A required member; records {@code missing field} and returns {@code null} when absent. */
    public JsonValue required(JsonObject object, String field, String path) {
        Optional<JsonValue> value = object.find(field);
        if (value.isEmpty()) {
            problem(path, "missing field `" + field + "`");
            return null;
        }
        return value.get();
    }

    /** An optional member; absent and JSON null are both empty. */
    public Optional<JsonValue> optional(JsonObject object, String field) {
        return object.find(field).filter(value -> !value.isNull());
    }

    public String string(JsonValue value, String path) {
        if (value instanceof JsonString string) {
            return string.value();
        }
        invalidType(value, path, "a string");
        return null;
    }

    public String requiredString(JsonObject object, String field, String path) {
        JsonValue value = required(object, field, path);
        return value == null ? null : string(value, child(path, field));
    }

    public Optional<String> optionalString(JsonObject object, String field, String path) {
        return optional(object, field).map(value -> string(value, child(path, field)));
    }

    public Boolean bool(JsonValue value, String path) {
        if (value instanceof JsonBool bool) {
            return bool.value();
        }
        invalidType(value, path, "a boolean");
        return null;
    }

    /** An unsigned 32-bit integer ({@code u32}). */
    public Long u32(JsonValue value, String path) {
        return unsigned(value, path, "u32", U32_MAX);
    }

    /** An unsigned 64-bit integer ({@code u64}); values above {@link Long#MAX_VALUE} are refused. */
    public Long u64(JsonValue value, String path) {
        return unsigned(value, path, "u64", U64_MAX);
    }

    private Long unsigned(JsonValue value, String path, String typeName, BigInteger max) {
        if (!(value instanceof JsonNumber number) || number.isFloating()) {
            invalidType(value, path, typeName);
            return null;
        }
        BigInteger integer = number.value().toBigInteger();
        if (integer.signum() < 0 || integer.compareTo(max) > 0) {
            problem(path, "invalid value: integer `" + integer + "`, expected " + typeName);
            return null;
        }
        if (integer.bitLength() > 63) {
            problem(path, "integer `" + integer + "` is beyond this build's 63-bit range");
            return null;
        }
        return integer.longValueExact();
    }

    /** One of a fixed set of snake_case variants. */
    public String variant(JsonValue value, String path, List<String> variants) {
        String text = string(value, path);
        if (text == null) {
            return null;
        }
        if (!variants.contains(text)) {
            problem(path, "unknown variant `" + text + "`, " + variantExpectation(variants));
            return null;
        }
        return text;
    }

    public void invalidType(JsonValue value, String path, String expected) {
        problem(path, "invalid type: " + describe(value) + ", expected " + expected);
    }

    /** How serde names a found value in its "invalid type" messages. */
    public static String describe(JsonValue value) {
        if (value instanceof JsonString string) {
            return "string \"" + string.value() + "\"";
        }
        if (value instanceof JsonNumber number) {
            return (number.isFloating() ? "floating point `" : "integer `") + number + "`";
        }
        if (value instanceof JsonBool bool) {
            return "boolean `" + bool.value() + "`";
        }
        if (value instanceof JsonArray) {
            return "sequence";
        }
        if (value instanceof JsonObject) {
            return "map";
        }
        if (value == JsonNull.INSTANCE) {
            return "null";
        }
        return value.kind();
    }

    private static String expectation(List<String> fields) {
        return fields.isEmpty() ? "there are no fields" : variantExpectation(fields);
    }

    /** serde's spelling of alternatives: {@code `a`}, {@code `a` or `b`}, {@code one of `a`, `b`, `c`}. */
    private static String variantExpectation(List<String> variants) {
        if (variants.size() == 1) {
            return "expected `" + variants.get(0) + "`";
        }
        if (variants.size() == 2) {
            return "expected `" + variants.get(0) + "` or `" + variants.get(1) + "`";
        }
        return "expected one of " + variants.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
    }
}
