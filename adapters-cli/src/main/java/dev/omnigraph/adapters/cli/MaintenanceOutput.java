package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonValue;
import java.util.Optional;
import java.util.OptionalLong;

/** Rendering shared by the maintenance verbs ({@code optimize}, {@code repair}, {@code cleanup}). */
final class MaintenanceOutput {

    private MaintenanceOutput() {}

    /** How the reference names a table in human output: {@code node type 'Person'}, {@code dataset '__manifest'}. */
    static String subject(String tableKey) {
        if (tableKey.startsWith("node:")) {
            return "node type '" + tableKey.substring("node:".length()) + "'";
        }
        if (tableKey.startsWith("edge:")) {
            return "edge type '" + tableKey.substring("edge:".length()) + "'";
        }
        return "dataset '" + tableKey + "'";
    }

    static JsonValue orNull(OptionalLong value) {
        return value.isPresent() ? JsonValue.of(value.getAsLong()) : JsonValue.nullValue();
    }

    static JsonValue orNull(Optional<String> value) {
        return value.<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue());
    }
}
