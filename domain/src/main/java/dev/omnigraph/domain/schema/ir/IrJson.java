package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonShapeException;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.function.Function;

/** Shared decoding helpers for the IR's JSON shape. */
final class IrJson {

    private IrJson() {
    }

    /** A non-zero identity value (the reference's {@code NonZeroU64}; we hold it in a signed long). */
    static long id(JsonObject object, String field) {
        long value = object.get(field).asNumber().longValueExact();
        if (value <= 0) {
            throw new JsonShapeException("'" + field + "' must be a nonzero identity, found " + value);
        }
        return value;
    }

    static <T> List<T> list(JsonObject object, String field, Function<JsonValue, T> decoder) {
        return object.get(field).asArray().elements().stream().map(decoder).toList();
    }

    static <T> JsonArray array(List<T> items, Function<T, JsonValue> encoder) {
        return new JsonArray(items.stream().map(encoder).toList());
    }
}
