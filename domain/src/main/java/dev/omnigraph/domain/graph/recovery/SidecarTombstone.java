package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Objects;
import java.util.Set;

/**
 * A table lifetime a schema apply was about to tombstone (a dropped type or a rename source).
 *
 * @param tombstoneVersion one above the lifetime's last published version, as the publisher's CAS expects
 */
public record SidecarTombstone(TableIdentity identity, String tableKey, long tombstoneVersion) {

    public SidecarTombstone {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(tableKey, "tableKey");
        if (tableKey.isEmpty()) {
            throw new IllegalArgumentException("a tombstone needs a table key");
        }
        if (tombstoneVersion < 0) {
            throw new IllegalArgumentException(tableKey + ": tombstone_version must not be negative");
        }
    }

    JsonObject encode() {
        return JsonObject.builder()
                .put("identity", StrictJson.encodeIdentity(identity))
                .put("table_key", tableKey)
                .put("tombstone_version", tombstoneVersion)
                .build();
    }

    static SidecarTombstone decode(JsonValue value, String where) {
        StrictJson json = StrictJson.object(value, where, Set.of("identity", "table_key", "tombstone_version"));
        return new SidecarTombstone(
                StrictJson.decodeIdentity(json.required("identity"), json.where("identity")),
                json.requiredNonEmptyString("table_key"),
                json.requiredVersion("tombstone_version"));
    }
}
