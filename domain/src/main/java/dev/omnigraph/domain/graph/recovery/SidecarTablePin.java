package dev.omnigraph.domain.graph.recovery;

import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One table a sidecar's writer intends to move. Recovery opens {@code tablePath} at {@code tableBranch} and
 * compares its head with the version the branch's manifest publishes.
 *
 * @param identity the table lifetime; ownership is never inferred from the mutable {@code tableKey} alias
 * @param tableKey the alias at arm time ({@code node:Person}), used in messages and audit rows
 * @param tablePath where the table lives, as the engine opens it
 * @param expectedVersion the version the manifest published when the writer started (its CAS expectation)
 * @param postCommitPin the head the writer's first commit produces; a lower bound for multi-commit writers
 * @param confirmedVersion the head the table reached once all of the writer's commits landed; present exactly
 *     when the sidecar is {@link EffectPhase#EFFECTS_CONFIRMED}
 * @param tableBranch the table's branch ref the writer commits on; empty for the table's main ref
 */
public record SidecarTablePin(TableIdentity identity, String tableKey, String tablePath, long expectedVersion,
                              long postCommitPin, OptionalLong confirmedVersion, Optional<String> tableBranch) {

    static final Set<String> FIELDS = Set.of("identity", "table_key", "table_path", "expected_version",
            "post_commit_pin", "confirmed_version", "table_branch");

    public SidecarTablePin {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(tableKey, "tableKey");
        Objects.requireNonNull(tablePath, "tablePath");
        Objects.requireNonNull(confirmedVersion, "confirmedVersion");
        Objects.requireNonNull(tableBranch, "tableBranch");
        if (tableKey.isEmpty() || tablePath.isEmpty()) {
            throw new IllegalArgumentException("a table pin needs a table key and a table path");
        }
        if (expectedVersion < 0) {
            throw new IllegalArgumentException(tableKey + ": expected_version must not be negative: " + expectedVersion);
        }
        if (postCommitPin <= expectedVersion) {
            throw new IllegalArgumentException(tableKey + ": post_commit_pin " + postCommitPin
                    + " must be above expected_version " + expectedVersion);
        }
        if (confirmedVersion.isPresent() && confirmedVersion.getAsLong() <= expectedVersion) {
            throw new IllegalArgumentException(tableKey + ": confirmed_version " + confirmedVersion.getAsLong()
                    + " must be above expected_version " + expectedVersion);
        }
        if (tableBranch.isPresent() && tableBranch.get().isEmpty()) {
            throw new IllegalArgumentException(tableKey + ": table_branch must not be empty (leave it out for main)");
        }
    }

    /** A pin as armed: no confirmed version yet. */
    public static SidecarTablePin planned(TableIdentity identity, String tableKey, String tablePath, long expectedVersion,
                                          long postCommitPin, Optional<String> tableBranch) {
        return new SidecarTablePin(identity, tableKey, tablePath, expectedVersion, postCommitPin, OptionalLong.empty(),
                tableBranch);
    }

    public SidecarTablePin withConfirmedVersion(long version) {
        return new SidecarTablePin(identity, tableKey, tablePath, expectedVersion, postCommitPin, OptionalLong.of(version),
                tableBranch);
    }

    JsonObject encode() {
        JsonObject.Builder json = JsonObject.builder()
                .put("identity", StrictJson.encodeIdentity(identity))
                .put("table_key", tableKey)
                .put("table_path", tablePath)
                .put("expected_version", expectedVersion)
                .put("post_commit_pin", postCommitPin);
        confirmedVersion.ifPresent(version -> json.put("confirmed_version", version));
        tableBranch.ifPresent(branch -> json.put("table_branch", branch));
        return json.build();
    }

    static SidecarTablePin decode(JsonValue value, String where) {
        StrictJson json = StrictJson.object(value, where, FIELDS);
        return new SidecarTablePin(
                StrictJson.decodeIdentity(json.required("identity"), json.where("identity")),
                json.requiredNonEmptyString("table_key"),
                json.requiredNonEmptyString("table_path"),
                json.requiredVersion("expected_version"),
                json.requiredVersion("post_commit_pin"),
                json.optionalVersion("confirmed_version"),
                json.optionalString("table_branch"));
    }
}
