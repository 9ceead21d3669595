package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonNumber;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonShapeException;
import dev.omnigraph.domain.json.JsonValue;

/**
 * Edge cardinality {@code @card(min..max)}: how many edges of the type one source node may have.
 * {@code max == null} is unbounded; the default is {@code 0..}. Both bounds fit an unsigned 32-bit
 * integer and {@code min <= max}.
 */
public record Cardinality(long min, Long max) {

    public static final long MAX_BOUND = 0xFFFF_FFFFL;
    public static final Cardinality DEFAULT = new Cardinality(0, null);

    public Cardinality {
        if (min < 0 || min > MAX_BOUND || (max != null && (max < 0 || max > MAX_BOUND))) {
            throw new IllegalArgumentException("cardinality bounds must fit an unsigned 32-bit integer");
        }
        if (max != null && min > max) {
            throw new IllegalArgumentException("cardinality min " + min + " exceeds max " + max);
        }
    }

    public boolean isDefault() {
        return min == 0 && max == null;
    }

    /** Source spelling: {@code @card(1..)} / {@code @card(0..1)}. */
    public String spelling() {
        return "@card(" + min + ".." + (max == null ? "" : max.toString()) + ")";
    }

    public JsonObject toJson() {
        return JsonObject.builder()
                .put("min", min)
                .put("max", max == null ? JsonNull.INSTANCE : JsonNumber.of(max))
                .build();
    }

    public static Cardinality fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        JsonValue max = object.getOrNull("max");
        try {
            return new Cardinality(object.get("min").asNumber().longValueExact(),
                    max == null ? null : max.asNumber().longValueExact());
        } catch (IllegalArgumentException invalid) {
            throw new JsonShapeException("invalid cardinality: " + invalid.getMessage());
        }
    }
}
