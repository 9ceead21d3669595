package dev.omnigraph.domain.json;

import java.util.Objects;

/** A JSON string holding its decoded value. */
public record JsonString(String value) implements JsonValue {

    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String kind() {
        return "string";
    }
}
