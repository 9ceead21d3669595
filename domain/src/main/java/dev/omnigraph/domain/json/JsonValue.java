package dev.omnigraph.domain.json;

/**
 * An immutable JSON value. Objects keep member insertion order, because the reference's persisted
 * shapes are order-sensitive (struct field order) and hashes are computed over the written bytes.
 *
 * <p>The {@code as…} accessors are for decoding persisted shapes: they fail with a
 * {@link JsonShapeException} naming the expected kind instead of a {@link ClassCastException}.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {

    /** The JSON kind name used in messages: object, array, string, number, boolean, null. */
    String kind();

    default JsonObject asObject() {
        if (this instanceof JsonObject object) {
            return object;
        }
        throw JsonShapeException.expected("object", this);
    }

    default JsonArray asArray() {
        if (this instanceof JsonArray array) {
            return array;
        }
        throw JsonShapeException.expected("array", this);
    }

    default String asString() {
        if (this instanceof JsonString string) {
            return string.value();
        }
        throw JsonShapeException.expected("string", this);
    }

    default JsonNumber asNumber() {
        if (this instanceof JsonNumber number) {
            return number;
        }
        throw JsonShapeException.expected("number", this);
    }

    default boolean asBoolean() {
        if (this instanceof JsonBool bool) {
            return bool.value();
        }
        throw JsonShapeException.expected("boolean", this);
    }

    default boolean isNull() {
        return this == JsonNull.INSTANCE;
    }

    static JsonString of(String value) {
        return new JsonString(value);
    }

    static JsonNumber of(long value) {
        return JsonNumber.of(value);
    }

    static JsonBool of(boolean value) {
        return JsonBool.of(value);
    }

    static JsonNull nullValue() {
        return JsonNull.INSTANCE;
    }
}
