package dev.omnigraph.domain.schema;

import dev.omnigraph.domain.json.JsonNull;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonString;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.lang.Span;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An annotation as written: {@code @name}, {@code @name(value)} or {@code @name(value, key=literal…)}.
 *
 * <p>Like the reference, the positional argument and keyword values are kept as decoded text
 * whatever literal kind they were written as ({@code @embed(body)} and {@code @embed("body")} are
 * the same annotation). Keyword arguments are ordered by key; a repeated key keeps its last value.
 * Unknown annotation names are legal and kept as metadata.
 *
 * @param value the positional argument, or {@code null} when the annotation has no arguments
 */
public record Annotation(String name, String value, SortedMap<String, String> kwargs, Span span) {

    public Annotation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(span, "span");
        kwargs = Collections.unmodifiableSortedMap(new TreeMap<>(kwargs == null ? Map.of() : kwargs));
        if (value == null && !kwargs.isEmpty()) {
            throw new IllegalArgumentException("keyword arguments need a positional argument first");
        }
    }

    public static Annotation of(String name, String value) {
        return new Annotation(name, value, new TreeMap<>(), Positions.NONE);
    }

    public boolean hasValue() {
        return value != null;
    }

    public Annotation withoutPositions() {
        return new Annotation(name, value, kwargs, Positions.NONE);
    }

    /** The reference's JSON shape: {@code {"name":…,"value":…|null}} plus {@code "kwargs"} only when non-empty. */
    public JsonObject toJson() {
        JsonObject.Builder builder = JsonObject.builder()
                .put("name", name)
                .put("value", value == null ? JsonNull.INSTANCE : new JsonString(value));
        if (!kwargs.isEmpty()) {
            JsonObject.Builder map = JsonObject.builder();
            kwargs.forEach(map::put);
            builder.put("kwargs", map.build());
        }
        return builder.build();
    }

    public static Annotation fromJson(JsonValue json) {
        JsonObject object = json.asObject();
        JsonValue value = object.getOrNull("value");
        TreeMap<String, String> kwargs = new TreeMap<>();
        JsonValue map = object.getOrNull("kwargs");
        if (map != null) {
            map.asObject().members().forEach((key, item) -> kwargs.put(key, item.asString()));
        }
        return new Annotation(object.get("name").asString(), value == null ? null : value.asString(), kwargs,
                Positions.NONE);
    }

    /** Equality ignoring the span. */
    public boolean sameContent(Annotation other) {
        return name.equals(other.name) && Objects.equals(value, other.value) && kwargs.equals(other.kwargs);
    }
}
