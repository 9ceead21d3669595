package dev.omnigraph.domain.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object whose members keep insertion order. Keys are unique: building an object with a
 * repeated key is a programming error.
 */
public final class JsonObject implements JsonValue {

    private final Map<String, JsonValue> members;

    private JsonObject(Map<String, JsonValue> members) {
        this.members = Collections.unmodifiableMap(members);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static JsonObject empty() {
        return new JsonObject(new LinkedHashMap<>());
    }

    /** Members in insertion order (unmodifiable). */
    public Map<String, JsonValue> members() {
        return members;
    }

    public Set<String> keys() {
        return members.keySet();
    }

    public int size() {
        return members.size();
    }

    public boolean has(String key) {
        return members.containsKey(key);
    }

    public Optional<JsonValue> find(String key) {
        return Optional.ofNullable(members.get(key));
    }

    /** The member {@code key}; absent members fail with a {@link JsonShapeException}. */
    public JsonValue get(String key) {
        JsonValue value = members.get(key);
        if (value == null) {
            throw new JsonShapeException("missing field '" + key + "'");
        }
        return value;
    }

    /** The member {@code key}, or {@code null} when it is absent or JSON null. */
    public JsonValue getOrNull(String key) {
        JsonValue value = members.get(key);
        return value == null || value.isNull() ? null : value;
    }

    @Override
    public String kind() {
        return "object";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonObject that && members.equals(that.members)
                && members.keySet().stream().toList().equals(that.members.keySet().stream().toList());
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return JsonWriter.compact(this);
    }

    /** Collects members in order; {@link #build()} may be called once per builder. */
    public static final class Builder {

        private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder put(String key, JsonValue value) {
            if (value == null) {
                throw new IllegalArgumentException("null member value for '" + key + "'; use JsonNull.INSTANCE");
            }
            if (members.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("duplicate JSON member '" + key + "'");
            }
            return this;
        }

        public Builder put(String key, String value) {
            return put(key, value == null ? JsonNull.INSTANCE : new JsonString(value));
        }

        public Builder put(String key, long value) {
            return put(key, JsonNumber.of(value));
        }

        public Builder put(String key, boolean value) {
            return put(key, JsonBool.of(value));
        }

        public JsonObject build() {
            return new JsonObject(new LinkedHashMap<>(members));
        }
    }
}
