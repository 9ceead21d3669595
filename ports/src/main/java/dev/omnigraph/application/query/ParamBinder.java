package dev.omnigraph.application.query;

import dev.omnigraph.domain.graph.load.PropertyValues;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;
import dev.omnigraph.domain.schema.BaseType;
import dev.omnigraph.domain.schema.PropertyType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a JSON parameter object to a query's declared parameter types, producing the typed values of
 * {@link PropertyValues} (String, Boolean, Long, Double, {@code float[]}, List).
 *
 * <p>Rules, as in the reference: an omitted or JSON-null nullable parameter binds to null; an omitted
 * or null non-nullable one is {@link QueryErrorCode#PARAMETER_MISSING}; a value that does not fit its
 * type is {@link QueryErrorCode#PARAMETER_TYPE_MISMATCH} naming the parameter and the type. Integer
 * parameters also accept decimal strings (so JavaScript clients can pass exact 64-bit values);
 * Date takes {@code YYYY-MM-DD} or epoch days, DateTime an ISO-8601 text or epoch milliseconds.
 * Members the query does not declare are ignored (no expression can refer to them).
 */
public final class ParamBinder {

    private ParamBinder() {
    }

    /** Binds {@code params} (a JSON object, or null / JSON null for none) to the plan's parameters. */
    public static Map<String, Object> bind(ReadPlan plan, JsonValue params) {
        return bind(plan.parameters(), params);
    }

    /** Binds {@code params} to {@code declared} (parameter name without {@code $} → type). */
    public static Map<String, Object> bind(Map<String, ValueType> declared, JsonValue params) {
        JsonObject object;
        if (params == null || params.isNull()) {
            object = JsonObject.empty();
        } else if (params instanceof JsonObject given) {
            object = given;
        } else {
            throw QueryParameterException.notAnObject(params.kind());
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (Map.Entry<String, ValueType> parameter : declared.entrySet()) {
            String name = parameter.getKey();
            ValueType type = parameter.getValue();
            JsonValue value = object.find(name).orElse(JsonNull.INSTANCE);
            if (value.isNull()) {
                if (!type.nullable()) {
                    throw QueryParameterException.missing(name, type.displayName());
                }
                bound.put(name, null);
                continue;
            }
            bound.put(name, decode(name, type, value));
        }
        return Collections.unmodifiableMap(bound);
    }

    /**
     * Checks already-typed parameter values against the declared types: fills omitted nullable
     * parameters with null, refuses missing required ones, and normalises boxed integers and floats to
     * Long and Double.
     */
    public static Map<String, Object> checkTyped(Map<String, ValueType> declared, Map<String, ?> typed) {
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Map.Entry<String, ValueType> parameter : declared.entrySet()) {
            String name = parameter.getKey();
            ValueType type = parameter.getValue();
            Object value = typed.get(name);
            if (value == null) {
                if (!type.nullable()) {
                    throw QueryParameterException.missing(name, type.displayName());
                }
                checked.put(name, null);
                continue;
            }
            checked.put(name, normaliseTyped(name, type, value));
        }
        return Collections.unmodifiableMap(checked);
    }

    private static Object decode(String name, ValueType type, JsonValue value) {
        if (type.list()) {
            if (!(value instanceof JsonArray array)) {
                throw QueryParameterException.mismatch(name, type.displayName(), "got " + value.kind());
            }
            List<Object> elements = new ArrayList<>(array.size());
            ValueType element = type.member().withNullable(true);
            for (JsonValue item : array.elements()) {
                elements.add(item.isNull() ? null : decode(name, element, item));
            }
            return Collections.unmodifiableList(elements);
        }
        if (type.kind() == ScalarKind.BLOB) {
            if (value instanceof JsonString string) {
                return string.value();
            }
            throw QueryParameterException.mismatch(name, type.displayName(), "expected a blob URI string, got " + value.kind());
        }
        if (type.kind().isInteger() && value instanceof JsonString string) {
            value = integerText(name, type, string.value());
        }
        if (type.kind() == ScalarKind.DATE_TIME && value instanceof JsonString string) {
            return TemporalText.epochMillis(string.value()).orElseThrow(() -> QueryParameterException.mismatch(
                    name, type.displayName(), "expected a date-time such as 2026-04-14T00:00:00Z, got \"" + string.value() + "\""));
        }
        try {
            return PropertyValues.fromJson(propertyType(type), value);
        } catch (PropertyValues.ValueMismatch mismatch) {
            throw QueryParameterException.mismatch(name, type.displayName(), mismatch.getMessage());
        }
    }

    private static JsonValue integerText(String name, ValueType type, String text) {
        try {
            return JsonNumber.of(new BigDecimal(new BigInteger(text.trim())), false);
        } catch (NumberFormatException notAnInteger) {
            throw QueryParameterException.mismatch(name, type.displayName(), "expected an integer, got \"" + text + "\"");
        }
    }

    private static PropertyType propertyType(ValueType type) {
        if (type.isVector()) {
            return PropertyType.vector(type.vectorDimension(), type.nullable());
        }
        BaseType base = switch (type.kind()) {
            case STRING -> BaseType.STRING;
            case BOOL -> BaseType.BOOL;
            case I32 -> BaseType.I32;
            case I64 -> BaseType.I64;
            case U32 -> BaseType.U32;
            case U64 -> BaseType.U64;
            case F32 -> BaseType.F32;
            case F64 -> BaseType.F64;
            case DATE -> BaseType.DATE;
            case DATE_TIME -> BaseType.DATE_TIME;
            case BLOB -> BaseType.BLOB;
            case VECTOR -> BaseType.VECTOR;
        };
        return type.list() ? PropertyType.listOf(base, type.nullable()) : PropertyType.scalar(base, type.nullable());
    }

    private static Object normaliseTyped(String name, ValueType type, Object value) {
        if (type.list()) {
            if (!(value instanceof List<?> list)) {
                throw QueryParameterException.mismatch(name, type.displayName(), "got " + value.getClass().getSimpleName());
            }
            List<Object> elements = new ArrayList<>(list.size());
            ValueType element = type.member();
            for (Object item : list) {
                elements.add(item == null ? null : normaliseTyped(name, element, item));
            }
            return Collections.unmodifiableList(elements);
        }
        boolean fits = switch (type.kind()) {
            case STRING, BLOB -> value instanceof String;
            case BOOL -> value instanceof Boolean;
            case I32, I64, U32, U64, DATE, DATE_TIME -> value instanceof Long || value instanceof Integer
                    || value instanceof Short || value instanceof Byte;
            case F32, F64 -> value instanceof Number;
            case VECTOR -> value instanceof float[] vector && vector.length == type.vectorDimension();
        };
        if (!fits) {
            throw QueryParameterException.mismatch(name, type.displayName(), "got " + value.getClass().getSimpleName());
        }
        if (type.kind() == ScalarKind.F32 || type.kind() == ScalarKind.F64) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Number number && !(value instanceof Long) && type.kind() != ScalarKind.VECTOR) {
            return number.longValue();
        }
        return value;
    }
}
