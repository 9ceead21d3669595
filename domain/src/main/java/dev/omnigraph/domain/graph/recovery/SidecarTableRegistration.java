package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table a schema apply was about to register (an added type or a rename target). A roll-forward registers it
 * together with the pinned updates, so the manifest catches up with the schema the apply promotes.
 */
public record SidecarTableRegistration(TableIdentity identity, String tableKey, String tablePath,
                                       Optional<String> tableBranch) {

    public SidecarTableRegistration {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(tableKey, "tableKey");
        Objects.requireNonNull(tablePath, "tablePath");
        Objects.requireNonNull(tableBranch, "tableBranch");
        if (tableKey.isEmpty() || tablePath.isEmpty()) {
            throw new IllegalArgumentException("a registration needs a table key and a table path");
        }
    }

    JsonObject encode() {
        JsonObject.Builder json = JsonObject.builder()
                .put("identity", StrictJson.encodeIdentity(identity))
                .put("table_key", tableKey)
                .put("table_path", tablePath);
        tableBranch.ifPresent(branch -> json.put("table_branch", branch));
        return json.build();
    }

    static SidecarTableRegistration decode(JsonValue value, String where) {
        StrictJson json = StrictJson.object(value, where, Set.of("identity", "table_key", "table_path", "table_branch"));
        return new SidecarTableRegistration(
                StrictJson.decodeIdentity(json.required("identity"), json.where("identity")),
                json.requiredNonEmptyString("table_key"),
                json.requiredNonEmptyString("table_path"),
                json.optionalString("table_branch"));
    }
}
