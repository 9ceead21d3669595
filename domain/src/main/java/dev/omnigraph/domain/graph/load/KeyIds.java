package dev.omnigraph.domain.graph.load;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.schema.PropertyType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Ids of keyed nodes, derived from the key exactly as the reference derives them, so that the same data
 * gets the same ids in both implementations and edges can name their endpoints by key.
 *
 * <p>A single-property key's id is the canonical spelling of its value: the string itself, integers in
 * decimal, booleans {@code true}/{@code false}, Dates as epoch days, DateTimes as epoch milliseconds,
 * finite floats in plain decimal at their stored width with {@code ±0} as {@code 0}. A composite key's id
 * is the compact JSON array of those spellings in stable-property-id order.
 */
public final class KeyIds {

    private KeyIds() {}

    /** The canonical spelling of one key value (typed representation of {@link PropertyValues}). */
    public static String canonical(PropertyType type, Object value) {
        return switch (type.base()) {
            case STRING -> (String) value;
            case BOOL -> ((Boolean) value) ? "true" : "false";
            case I32, I64, U32, DATE, DATE_TIME -> Long.toString((Long) value);
            case U64 -> PropertyValues.unsigned((Long) value).toString();
            case F32 -> plainDecimal(Float.toString((float) (double) (Double) value), (Double) value);
            case F64 -> plainDecimal(Double.toString((Double) value), (Double) value);
            case BLOB, VECTOR -> throw new IllegalArgumentException(type.base().spelling() + " cannot be part of a key");
        };
    }

    /** The id of a keyed node, given its key values in stable-property-id order. */
    public static String derive(List<PropertyType> types, List<Object> valuesInIdentityOrder) {
        if (types.size() == 1) {
            return canonical(types.get(0), valuesInIdentityOrder.get(0));
        }
        List<JsonValue> parts = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            parts.add(new JsonString(canonical(types.get(i), valuesInIdentityOrder.get(i))));
        }
        return JsonWriter.compact(new JsonArray(parts));
    }

    private static String plainDecimal(String shortest, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a non-finite float cannot be a key");
        }
        if (value == 0.0) {
            return "0";
        }
        return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }
}
