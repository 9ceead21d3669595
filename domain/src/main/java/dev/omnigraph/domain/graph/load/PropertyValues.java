package dev.omnigraph.domain.graph.load;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.schema.BaseType;
import dev.omnigraph.domain.schema.PropertyType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The typed representation of property values and its JSON coding, shared by loading, mutation
 * parameters, query results and export so that one value is spelled one way everywhere.
 *
 * <p>Representations: String and enum → {@code String}; Bool → {@code Boolean}; I32, I64, U32 →
 * {@code Long}; U64 → {@code Long} holding the unsigned value's bits; F32, F64 → {@code Double} (F32
 * rounded to float precision); Date → {@code Long} days since 1970-01-01; DateTime → {@code Long}
 * milliseconds since the epoch (UTC); Vector(n) → {@code float[n]}; lists → unmodifiable {@code List} of
 * the element representation. JSON accepts Date as epoch days or {@code "YYYY-MM-DD"} and DateTime as
 * epoch milliseconds or an ISO-8601 instant with offset.
 */
public final class PropertyValues {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final DateTimeFormatter DATETIME_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private PropertyValues() {}

    /** Why a value does not fit; the caller adds where. */
    public static final class ValueMismatch extends IllegalArgumentException {
        public ValueMismatch(String message) {
            super(message);
        }
    }

    /**
     * Decodes a JSON value for a property type. JSON null gives {@code null} (whether null is allowed is
     * the caller's check).
     *
     * @throws ValueMismatch describing the expected and found value
     */
    public static Object fromJson(PropertyType type, JsonValue json) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (type.list()) {
            if (!(json instanceof JsonArray array)) {
                throw mismatch(type, json);
            }
            List<Object> elements = new ArrayList<>(array.size());
            PropertyType element = PropertyType.scalar(type.base(), true);
            for (JsonValue value : array.elements()) {
                elements.add(fromJson(element, value));
            }
            return Collections.unmodifiableList(elements);
        }
        if (type.isVector()) {
            if (!(json instanceof JsonArray array) || array.size() != type.vectorDimension()) {
                throw new ValueMismatch("expected Vector(" + type.vectorDimension() + "), got " + describe(json));
            }
            float[] vector = new float[array.size()];
            for (int i = 0; i < vector.length; i++) {
                if (!(array.get(i) instanceof JsonNumber number)) {
                    throw new ValueMismatch("expected a number at vector position " + i + ", got " + describe(array.get(i)));
                }
                vector[i] = (float) number.doubleValue();
            }
            return vector;
        }
        return scalarFromJson(type, json);
    }

    private static Object scalarFromJson(PropertyType type, JsonValue json) {
        BaseType base = type.base();
        switch (base) {
            case STRING -> {
                if (json instanceof JsonString string) {
                    if (type.isEnum() && !type.enumValues().contains(string.value())) {
                        throw new ValueMismatch("expected one of " + type.enumValues() + ", got \"" + string.value() + "\"");
                    }
                    return string.value();
                }
            }
            case BOOL -> {
                if (json instanceof JsonBool bool) {
                    return bool.value();
                }
            }
            case I32, I64, U32, U64 -> {
                if (json instanceof JsonNumber number && !number.isFloating()) {
                    return integerInRange(base, number.value().toBigIntegerExact());
                }
                if (json instanceof JsonNumber number && isWholeNumber(number.value())) {
                    return integerInRange(base, number.value().toBigIntegerExact());
                }
            }
            case F32 -> {
                if (json instanceof JsonNumber number) {
                    return (double) (float) number.doubleValue();
                }
            }
            case F64 -> {
                if (json instanceof JsonNumber number) {
                    return number.doubleValue();
                }
            }
            case DATE -> {
                if (json instanceof JsonNumber number && !number.isFloating()) {
                    return integerInRange(BaseType.I32, number.value().toBigIntegerExact());
                }
                if (json instanceof JsonString string) {
                    return parseDate(string.value());
                }
            }
            case DATE_TIME -> {
                if (json instanceof JsonNumber number && !number.isFloating()) {
                    return integerInRange(BaseType.I64, number.value().toBigIntegerExact());
                }
                if (json instanceof JsonString string) {
                    return parseDateTime(string.value());
                }
            }
            case BLOB -> throw new ValueMismatch("Blob properties are not supported by this build yet");
            case VECTOR -> throw new IllegalStateException("vectors are handled above");
        }
        throw mismatch(type, json);
    }

    /** Encodes a typed value as JSON (the export and result spelling). */
    public static JsonValue toJson(PropertyType type, Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (type.list()) {
            List<JsonValue> elements = new ArrayList<>();
            PropertyType element = PropertyType.scalar(type.base(), true);
            for (Object item : (List<?>) value) {
                elements.add(toJson(element, item));
            }
            return new JsonArray(elements);
        }
        if (type.isVector()) {
            float[] vector = (float[]) value;
            List<JsonValue> elements = new ArrayList<>(vector.length);
            for (float component : vector) {
                elements.add(JsonNumber.ofDouble(component));
            }
            return new JsonArray(elements);
        }
        return switch (type.base()) {
            case STRING -> new JsonString((String) value);
            case BOOL -> JsonBool.of((Boolean) value);
            case I32, I64, U32 -> JsonNumber.of((Long) value);
            case U64 -> JsonNumber.of(unsigned((Long) value));
            case F32, F64 -> finiteOrSpelled((Double) value);
            case DATE -> new JsonString(formatDate((Long) value));
            case DATE_TIME -> new JsonString(formatDateTime((Long) value));
            case BLOB, VECTOR -> throw new IllegalStateException("no JSON spelling for " + type.base());
        };
    }

    /** {@code YYYY-MM-DD} of epoch days. */
    public static String formatDate(long epochDays) {
        return LocalDate.ofEpochDay(epochDays).toString();
    }

    /** {@code YYYY-MM-DDTHH:MM:SS.mmmZ} of epoch milliseconds. */
    public static String formatDateTime(long epochMillis) {
        return DATETIME_OUT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Epoch days of {@code YYYY-MM-DD}. */
    public static long parseDate(String text) {
        try {
            return LocalDate.parse(text).toEpochDay();
        } catch (DateTimeParseException e) {
            throw new ValueMismatch("expected a date YYYY-MM-DD, got \"" + text + "\"");
        }
    }

    /** Epoch milliseconds of an ISO-8601 date-time with offset ({@code 2026-04-14T00:00:00Z}). */
    public static long parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new ValueMismatch("expected an ISO-8601 date-time with offset (e.g. 2026-04-14T00:00:00Z), got \"" + text + "\"");
        }
    }

    /** The unsigned value held in a U64 representation. */
    public static BigInteger unsigned(long bits) {
        BigInteger value = BigInteger.valueOf(bits);
        return bits >= 0 ? value : value.add(BigInteger.ONE.shiftLeft(64));
    }

    private static JsonValue finiteOrSpelled(double value) {
        if (Double.isNaN(value)) {
            return new JsonString("NaN");
        }
        if (Double.isInfinite(value)) {
            return new JsonString(value > 0 ? "Infinity" : "-Infinity");
        }
        return JsonNumber.ofDouble(value);
    }

    private static boolean isWholeNumber(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static long integerInRange(BaseType base, BigInteger value) {
        BigInteger min;
        BigInteger max;
        switch (base) {
            case I32 -> {
                min = BigInteger.valueOf(Integer.MIN_VALUE);
                max = BigInteger.valueOf(Integer.MAX_VALUE);
            }
            case U32 -> {
                min = BigInteger.ZERO;
                max = BigInteger.valueOf(0xFFFF_FFFFL);
            }
            case U64 -> {
                min = BigInteger.ZERO;
                max = U64_MAX;
            }
            default -> {
                min = BigInteger.valueOf(Long.MIN_VALUE);
                max = BigInteger.valueOf(Long.MAX_VALUE);
            }
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new ValueMismatch(value + " is out of range for " + base.spelling());
        }
        return value.longValue();
    }

    private static ValueMismatch mismatch(PropertyType type, JsonValue json) {
        return new ValueMismatch("expected " + spell(type) + ", got " + describe(json));
    }

    /** The schema spelling of a property type ({@code I32?}, {@code [String]}, {@code enum(a, b)}). */
    public static String spell(PropertyType type) {
        String core;
        if (type.isEnum()) {
            core = "enum(" + String.join(", ", type.enumValues()) + ")";
        } else if (type.isVector()) {
            core = "Vector(" + type.vectorDimension() + ")";
        } else if (type.list()) {
            core = "[" + type.base().spelling() + "]";
        } else {
            core = type.base().spelling();
        }
        return core + (type.nullable() ? "?" : "");
    }

    private static String describe(JsonValue json) {
        if (json instanceof JsonString string) {
            String text = string.value();
            return "string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (json instanceof JsonNumber number) {
            return "number " + number.value().toPlainString();
        }
        return json.kind();
    }
}
