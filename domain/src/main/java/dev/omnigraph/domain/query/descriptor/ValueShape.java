package dev.omnigraph.domain.query.descriptor;

import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.query.typecheck.ValueType;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A value's kind, the element kind of a list, and the dimension of a vector.
 *
 * @param itemKind present exactly when {@code kind} is {@link ValueKind#LIST}
 * @param vectorDimension present exactly when {@code kind} is {@link ValueKind#VECTOR}
 */
public record ValueShape(ValueKind kind, Optional<ValueKind> itemKind, OptionalInt vectorDimension) {
    public ValueShape {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(itemKind, "itemKind");
        Objects.requireNonNull(vectorDimension, "vectorDimension");
    }

    public static ValueShape of(ValueType type) {
        if (type.list()) {
            return new ValueShape(ValueKind.LIST, Optional.of(ValueKind.of(type.kind())), OptionalInt.empty());
        }
        if (type.isVector()) {
            return new ValueShape(ValueKind.VECTOR, Optional.empty(), OptionalInt.of(type.vectorDimension()));
        }
        return new ValueShape(ValueKind.of(type.kind()), Optional.empty(), OptionalInt.empty());
    }

    public static ValueShape object() {
        return new ValueShape(ValueKind.OBJECT, Optional.empty(), OptionalInt.empty());
    }

    /** Adds {@code kind}, then {@code item_kind} and {@code vector_dim} when present. */
    void writeTo(JsonObject.Builder json) {
        json.put("kind", kind.wireName());
        itemKind.ifPresent(item -> json.put("item_kind", item.wireName()));
        vectorDimension.ifPresent(dimension -> json.put("vector_dim", dimension));
    }
}
