package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;

import java.util.List;
import java.util.Objects;

/** {@code policies.<name>} as written: the bundle file and its raw {@code applies_to} entries. */
public record PolicyDeclaration(String file, List<String> appliesTo) {

    public PolicyDeclaration {
        Objects.requireNonNull(file, "file");
        appliesTo = List.copyOf(appliesTo);
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("file", file).put("applies_to", JsonArray.ofStrings(appliesTo)).build();
    }
}
