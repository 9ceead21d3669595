package dev.omnigraph.domain.query.descriptor;

import dev.omnigraph.domain.json.JsonObject;

import java.util.Objects;

/** One result column as clients see it: {@code {name, kind, item_kind?, vector_dim?, nullable}}. */
public record ResultFieldDescriptor(String name, ValueShape shape, boolean nullable) {
    public ResultFieldDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shape, "shape");
    }

    public JsonObject toJson() {
        JsonObject.Builder json = JsonObject.builder().put("name", name);
        shape.writeTo(json);
        return json.put("nullable", nullable).build();
    }
}
