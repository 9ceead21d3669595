package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.json.JsonObject;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code recovery_records[<operation id>]}: the audit entry of a sweep roll-forward. The outcome
 * is always {@value #ROLLED_FORWARD} today; the actor is the sidecar's (JSON {@code null} when none).
 */
public record RecoveryRecord(RecoverySidecarKind kind, String graphId, String outcome, String recoveredAt,
                             Optional<String> actor) {

    public static final String ROLLED_FORWARD = "rolled_forward";

    public RecoveryRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(graphId, "graphId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recoveredAt, "recoveredAt");
        Objects.requireNonNull(actor, "actor");
    }

    public static RecoveryRecord rolledForward(RecoverySidecarKind kind, String graphId, String recoveredAt,
                                               Optional<String> actor) {
        return new RecoveryRecord(kind, graphId, ROLLED_FORWARD, recoveredAt, actor);
    }

    public JsonObject toJson() {
        return JsonObject.builder()
                .put("kind", kind.label())
                .put("graph_id", graphId)
                .put("outcome", outcome)
                .put("recovered_at", recoveredAt)
                .put("actor", actor.orElse(null))
                .build();
    }
}
