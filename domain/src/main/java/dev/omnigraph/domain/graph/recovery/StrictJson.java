package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading and writing of the recovery JSON shapes: every failure is a
 * {@link SidecarDecodeException} naming the JSON path. Optional members may be absent or {@code null} (the
 * reference's serializer omits some and writes {@code null} for others); unknown members are refused.
 */
final class StrictJson {

    private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final JsonObject object;
    private final String path;

    private StrictJson(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    static StrictJson object(JsonValue value, String path, Set<String> allowedMembers) {
        String shown = path.isEmpty() ? "sidecar" : path;
        if (!(value instanceof JsonObject json)) {
            throw SidecarDecodeException.malformed(shown + ": expected a JSON object, found " + value.kind());
        }
        Set<String> unknown = new TreeSet<>(json.keys());
        unknown.removeAll(allowedMembers);
        if (!unknown.isEmpty()) {
            throw SidecarDecodeException.malformed(shown + ": unknown field(s) " + unknown);
        }
        return new StrictJson(json, path);
    }

    String where(String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    JsonValue required(String member) {
        JsonValue value = object.members().get(member);
        if (value == null || value.isNull()) {
            throw SidecarDecodeException.malformed(where(member) + ": missing required field");
        }
        return value;
    }

    Optional<JsonValue> optional(String member) {
        JsonValue value = object.members().get(member);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    String requiredString(String member) {
        return string(required(member), where(member));
    }

    String requiredNonEmptyString(String member) {
        String value = requiredString(member);
        if (value.isEmpty()) {
            throw SidecarDecodeException.malformed(where(member) + ": must not be empty");
        }
        return value;
    }

    Optional<String> optionalString(String member) {
        return optional(member).map(value -> string(value, where(member)));
    }

    long requiredVersion(String member) {
        return version(required(member), where(member));
    }

    OptionalLong optionalVersion(String member) {
        Optional<JsonValue> value = optional(member);
        return value.isPresent() ? OptionalLong.of(version(value.get(), where(member))) : OptionalLong.empty();
    }

    List<JsonValue> optionalArray(String member) {
        return optional(member).map(value -> array(value, where(member))).orElse(List.of());
    }

    List<JsonValue> requiredArray(String member) {
        return array(required(member), where(member));
    }

    static String string(JsonValue value, String where) {
        if (value instanceof JsonString string) {
            return string.value();
        }
        throw SidecarDecodeException.malformed(where + ": expected a string, found " + value.kind());
    }

    static List<JsonValue> array(JsonValue value, String where) {
        if (value instanceof JsonArray array) {
            return array.elements();
        }
        throw SidecarDecodeException.malformed(where + ": expected an array, found " + value.kind());
    }

    /** A table or manifest version: an integer in {@code [0, Long.MAX_VALUE]}. */
    static long version(JsonValue value, String where) {
        BigInteger integer = integer(value, where);
        if (integer.signum() < 0 || integer.bitLength() > 63) {
            throw SidecarDecodeException.malformed(where + ": expected a version in [0, " + Long.MAX_VALUE + "], found " + integer);
        }
        return integer.longValue();
    }

    /** An unsigned 64-bit id component; zero is refused because the reference reserves it for "no table". */
    static long nonZeroU64(JsonValue value, String where) {
        BigInteger integer = integer(value, where);
        if (integer.signum() <= 0 || integer.compareTo(MAX_U64) > 0) {
            throw SidecarDecodeException.malformed(where + ": expected a non-zero unsigned 64-bit integer, found " + integer);
        }
        return integer.longValue();
    }

    private static BigInteger integer(JsonValue value, String where) {
        if (!(value instanceof JsonNumber number) || number.isFloating()) {
            throw SidecarDecodeException.malformed(where + ": expected an integer, found " + value.kind());
        }
        BigDecimal decimal = number.value();
        try {
            return decimal.toBigIntegerExact();
        } catch (ArithmeticException fractional) {
            throw SidecarDecodeException.malformed(where + ": expected an integer, found " + decimal.toPlainString());
        }
    }

    static JsonNumber u64(long value) {
        return JsonNumber.of(new BigInteger(Long.toUnsignedString(value)));
    }

    static JsonObject encodeIdentity(TableIdentity identity) {
        return JsonObject.builder()
                .put("stable_table_id", u64(identity.stableTableId()))
                .put("table_incarnation_id", u64(identity.incarnationId()))
                .build();
    }

    static TableIdentity decodeIdentity(JsonValue value, String where) {
        StrictJson json = object(value, where, Set.of("stable_table_id", "table_incarnation_id"));
        return new TableIdentity(
                nonZeroU64(json.required("stable_table_id"), json.where("stable_table_id")),
                nonZeroU64(json.required("table_incarnation_id"), json.where("table_incarnation_id")));
    }

    /** Decodes each element with {@code decoder}, naming the element's index in errors. */
    static <T> List<T> elements(List<JsonValue> values, String where, ElementDecoder<T> decoder) {
        List<T> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(decoder.decode(values.get(i), where + "[" + i + "]"));
        }
        return out;
    }

    interface ElementDecoder<T> {
        T decode(JsonValue value, String where);
    }
}
