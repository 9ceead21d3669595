package dev.omnigraph.domain.query.result;

import dev.omnigraph.domain.graph.load.PropertyValues;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON spelling of query results, as the reference's {@code to_sdk_json} writes them: an array of
 * row objects whose members are the columns in order. Strings as strings; integers as numbers except
 * 64-bit values beyond ±(2^53−1), which become decimal strings so JavaScript clients lose no digits;
 * floats as numbers with NaN and ±infinity spelled {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}; Date {@code YYYY-MM-DD}; DateTime {@code YYYY-MM-DDTHH:MM:SS.mmmZ}; lists and
 * vectors as arrays (a non-finite vector component is {@code null}, as in the reference); null as null.
 */
public final class ResultJson {

    /** The largest integer JavaScript represents exactly (2^53−1). */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private static final BigInteger MAX_SAFE = BigInteger.valueOf(MAX_SAFE_INTEGER);

    private ResultJson() {
    }

    /** All rows of a result. */
    public static JsonArray rows(QueryResult result) {
        List<JsonValue> rows = new ArrayList<>(result.rowCount());
        for (List<Object> row : result.rows()) {
            rows.add(row(result.columns(), row));
        }
        return new JsonArray(rows);
    }

    /**
     * One row. Two columns of one name (possible with aliases) keep the first position and the last
     * value, as a JSON map insert does in the reference.
     */
    public static JsonObject row(List<ResultColumn> columns, List<Object> values) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            members.put(columns.get(i).name(), value(columns.get(i).type(), values.get(i)));
        }
        JsonObject.Builder builder = JsonObject.builder();
        members.forEach(builder::put);
        return builder.build();
    }

    /** One value of the given type. */
    public static JsonValue value(ValueType type, Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (type.list()) {
            ValueType element = type.member();
            List<JsonValue> elements = new ArrayList<>();
            for (Object item : (List<?>) value) {
                elements.add(value(element, item));
            }
            return new JsonArray(elements);
        }
        if (type.isVector()) {
            return vector(value);
        }
        return switch (type.kind()) {
            case STRING, BLOB -> new JsonString(value.toString());
            case BOOL -> JsonBool.of((Boolean) value);
            case I32, U32 -> JsonNumber.of(((Number) value).longValue());
            case I64 -> signed64(((Number) value).longValue());
            case U64 -> unsigned64(((Number) value).longValue());
            case F32, F64 -> floating(((Number) value).doubleValue());
            case DATE -> new JsonString(PropertyValues.formatDate(((Number) value).longValue()));
            case DATE_TIME -> new JsonString(PropertyValues.formatDateTime(((Number) value).longValue()));
            case VECTOR -> vector(value);
        };
    }

    private static JsonValue signed64(long value) {
        if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
            return new JsonString(Long.toString(value));
        }
        return JsonNumber.of(value);
    }

    private static JsonValue unsigned64(long bits) {
        BigInteger value = PropertyValues.unsigned(bits);
        if (value.compareTo(MAX_SAFE) > 0) {
            return new JsonString(value.toString());
        }
        return JsonNumber.of(value);
    }

    private static JsonValue floating(double value) {
        if (Double.isNaN(value)) {
            return new JsonString("NaN");
        }
        if (Double.isInfinite(value)) {
            return new JsonString(value > 0 ? "Infinity" : "-Infinity");
        }
        return JsonNumber.ofDouble(value);
    }

    private static JsonValue vector(Object value) {
        List<JsonValue> elements = new ArrayList<>();
        if (value instanceof float[] floats) {
            for (float component : floats) {
                elements.add(Float.isFinite(component) ? JsonNumber.ofDouble(component) : JsonNull.INSTANCE);
            }
        } else {
            for (Object component : (List<?>) value) {
                double number = component == null ? Double.NaN : ((Number) component).doubleValue();
                elements.add(Double.isFinite(number) ? JsonNumber.ofDouble(number) : JsonNull.INSTANCE);
            }
        }
        return new JsonArray(elements);
    }
}
