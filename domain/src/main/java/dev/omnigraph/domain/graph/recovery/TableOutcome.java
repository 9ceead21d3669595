package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What recovery did to one table, as the audit row reports it.
 *
 * <p>Roll-forward: {@code fromVersion} is the version published before ({@code expected_version}),
 * {@code toVersion} the version now published. Roll-back: {@code fromVersion} is the head observed before the
 * restore, {@code toVersion} the published version the content was restored to (the restore itself is committed
 * one version higher, with the same content).
 */
public record TableOutcome(String tableKey, long fromVersion, long toVersion) {

    public TableOutcome {
        Objects.requireNonNull(tableKey, "tableKey");
        if (fromVersion < 0 || toVersion < 0) {
            throw new IllegalArgumentException(tableKey + ": outcome versions must not be negative");
        }
    }

    JsonObject encode() {
        return JsonObject.builder()
                .put("table_key", tableKey)
                .put("from_version", fromVersion)
                .put("to_version", toVersion)
                .build();
    }

    static TableOutcome decode(JsonValue value, String where) {
        StrictJson json = StrictJson.object(value, where, Set.of("table_key", "from_version", "to_version"));
        return new TableOutcome(json.requiredString("table_key"), json.requiredVersion("from_version"),
                json.requiredVersion("to_version"));
    }

    /** The JSON array the audit table stores in {@code per_table_outcomes_json} and a sidecar in its rollback plan. */
    public static JsonArray encodeAll(List<TableOutcome> outcomes) {
        return new JsonArray(outcomes.stream().<JsonValue>map(TableOutcome::encode).toList());
    }

    /** Reads {@link #encodeAll} back; refuses anything else with a {@link SidecarDecodeException}. */
    public static List<TableOutcome> decodeAll(JsonValue value) {
        return StrictJson.elements(StrictJson.array(value, "outcomes"), "outcomes", TableOutcome::decode);
    }
}
