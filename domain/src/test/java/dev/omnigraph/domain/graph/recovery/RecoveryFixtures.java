package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sidecars, pins and JSON edits shared by the recovery tests. */
final class RecoveryFixtures {

    static final String OPERATION = "01HZY3N8Q4V7W2K9T5R6M3B1CD";
    static final String COMMIT = "01HZY3N8Q4V7W2K9T5R6M3B1CE";
    static final String ROLLBACK_COMMIT = "01HZY3N8Q4V7W2K9T5R6M3B1CF";
    static final String HEAD = "01HZY3N8Q4V7W2K9T5R6M3B1C0";
    static final String OTHER_HEAD = "01HZY3N8Q4V7W2K9T5R6M3B1C1";
    static final long STARTED_AT = 1_718_000_000_123_456L;
    static final RecoveryAuthority AUTHORITY = new RecoveryAuthority(12, Optional.of(HEAD));

    static final String PERSON = "node:Person";
    static final String KNOWS = "edge:Knows";

    private RecoveryFixtures() {
    }

    /** A pin expecting {@code expected} whose single commit produces {@code expected + 1}. */
    static SidecarTablePin pin(String tableKey, long expected) {
        return SidecarTablePin.planned(identityOf(tableKey), tableKey, "/graph/" + tableKey.replace(':', '/'), expected,
                expected + 1, Optional.empty());
    }

    static SidecarTablePin branchPin(String tableKey, long expected, String branch) {
        return SidecarTablePin.planned(identityOf(tableKey), tableKey, "/graph/" + tableKey.replace(':', '/'), expected,
                expected + 1, Optional.of(branch));
    }

    static TableIdentity identityOf(String tableKey) {
        return new TableIdentity(Math.abs(tableKey.hashCode()) + 1L, 1);
    }

    static RecoverySidecar armed(WriterKind kind, SidecarTablePin... pins) {
        return RecoverySidecar.arm(OPERATION, STARTED_AT, Optional.empty(), Optional.of("act-alice"), kind, COMMIT,
                ROLLBACK_COMMIT, AUTHORITY, List.of(pins));
    }

    static RecoverySidecar armedOnBranch(String branch, WriterKind kind, SidecarTablePin... pins) {
        return RecoverySidecar.arm(OPERATION, STARTED_AT, Optional.of(branch), Optional.of("act-alice"), kind, COMMIT,
                ROLLBACK_COMMIT, AUTHORITY, List.of(pins));
    }

    /** Confirms every pin at {@code expected + 1}, the single-commit outcome. */
    static RecoverySidecar confirmedAtNext(RecoverySidecar armed) {
        return armed.confirmEffects(armed.tables().stream().collect(java.util.stream.Collectors.toMap(
                SidecarTablePin::tableKey, pin -> pin.expectedVersion() + 1)));
    }

    /** The branch as the writer left it: authority unchanged, the given published versions. */
    static ManifestObservation unchangedManifest(Map<String, Long> published) {
        return ManifestObservation.live(AUTHORITY.manifestVersion(), AUTHORITY.graphHead(), published);
    }

    static Map<String, TableObservation> heads(Object... keyThenHead) {
        java.util.LinkedHashMap<String, TableObservation> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyThenHead.length; i += 2) {
            String key = (String) keyThenHead[i];
            Object head = keyThenHead[i + 1];
            out.put(key, head == null ? TableObservation.absent(key) : TableObservation.at(key, ((Number) head).longValue()));
        }
        return out;
    }

    static JsonObject with(JsonObject object, String key, JsonValue value) {
        JsonObject.Builder builder = JsonObject.builder();
        boolean replaced = false;
        for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
            if (member.getKey().equals(key)) {
                builder.put(key, value);
                replaced = true;
            } else {
                builder.put(member.getKey(), member.getValue());
            }
        }
        if (!replaced) {
            builder.put(key, value);
        }
        return builder.build();
    }

    static JsonObject without(JsonObject object, String... keys) {
        List<String> removed = Arrays.asList(keys);
        JsonObject.Builder builder = JsonObject.builder();
        object.members().forEach((key, value) -> {
            if (!removed.contains(key)) {
                builder.put(key, value);
            }
        });
        return builder.build();
    }
}
