package dev.omnigraph.domain.json;

/** JSON {@code true} / {@code false}. */
public record JsonBool(boolean value) implements JsonValue {

    public static final JsonBool TRUE = new JsonBool(true);
    public static final JsonBool FALSE = new JsonBool(false);

    public static JsonBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String kind() {
        return "boolean";
    }
}
