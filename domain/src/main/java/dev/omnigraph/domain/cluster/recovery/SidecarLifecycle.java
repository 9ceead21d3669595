package dev.omnigraph.domain.cluster.recovery;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.state.RecoverySidecarKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sidecar state machine as data (behavioural notes 5.2). When each kind is written: a
 * graph_create sidecar before the engine init; a schema_apply sidecar only after the graph opened
 * read-write, the source was re-verified and the engine's preview accepted the migration (so a
 * pre-movement refusal leaves nothing behind); a graph_delete sidecar after the export exclusion
 * is reserved and before prefix removal. Only create and schema_apply sidecars are rewritten after
 * success (with {@code expected_manifest_version}). A sidecar is deleted only once the state write
 * recording its outcome landed, except in the two "nothing moved" cases, where it is deleted at
 * once.
 */
public final class SidecarLifecycle {

    /** One allowed transition with the reason it exists. */
    public record Transition(RecoverySidecarKind kind, SidecarPhase from, SidecarEvent event, SidecarPhase to,
                             String why) {
        public Transition {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(why, "why");
        }
    }

    public static final List<Transition> TRANSITIONS = table();

    private SidecarLifecycle() {
    }

    public static Optional<SidecarPhase> next(RecoverySidecarKind kind, SidecarPhase from, SidecarEvent event) {
        return TRANSITIONS.stream()
                .filter(t -> t.kind() == kind && t.from() == from && t.event() == event)
                .map(Transition::to)
                .findFirst();
    }

    /** Create and schema_apply sidecars are rewritten with the post-operation manifest version; deletes never. */
    public static boolean rewrittenAfterSuccess(RecoverySidecarKind kind) {
        return kind != RecoverySidecarKind.GRAPH_DELETE;
    }

    /**
     * The warning when the eager delete of a schema_apply sidecar after a pre-movement refusal
     * failed: the sidecar stays and the graph is quarantined until a sweep retires it.
     */
    public static ClusterDiagnostic cleanupFailed(String sidecarLocation, String graphId, String error) {
        return ClusterDiagnostic.warning(ClusterCodes.RECOVERY_SIDECAR_CLEANUP_FAILED, sidecarLocation,
                "could not delete the stale recovery sidecar after a pre-movement schema-apply rejection; graph `"
                        + graphId + "` stays quarantined until a state-mutating cluster command sweeps it: " + error);
    }

    private static List<Transition> table() {
        RecoverySidecarKind create = RecoverySidecarKind.GRAPH_CREATE;
        RecoverySidecarKind schema = RecoverySidecarKind.SCHEMA_APPLY;
        RecoverySidecarKind delete = RecoverySidecarKind.GRAPH_DELETE;
        ArrayList<Transition> table = new ArrayList<>(List.of(
                new Transition(create, SidecarPhase.ARMED, SidecarEvent.SOURCE_CHANGED, SidecarPhase.DELETED,
                        "the schema source changed under apply before init: nothing moved"),
                new Transition(create, SidecarPhase.ARMED, SidecarEvent.ENGINE_FAILED_MAY_HAVE_MOVED, SidecarPhase.KEPT,
                        "a failed init may have left a partial root (row 5) or nothing (row 1)"),
                new Transition(schema, SidecarPhase.ARMED, SidecarEvent.ENGINE_FAILED_NOTHING_MOVED, SidecarPhase.DELETED,
                        "refused before staging: live manifest version and schema digest unchanged"),
                new Transition(schema, SidecarPhase.ARMED, SidecarEvent.ENGINE_FAILED_MAY_HAVE_MOVED, SidecarPhase.KEPT,
                        "the apply may have committed; the sweep decides by digest"),
                new Transition(delete, SidecarPhase.ARMED, SidecarEvent.ENGINE_FAILED_MAY_HAVE_MOVED, SidecarPhase.KEPT,
                        "prefix removal failed part-way; the approved delete is re-proposed (row 8)")));
        for (RecoverySidecarKind kind : RecoverySidecarKind.values()) {
            table.add(new Transition(kind, SidecarPhase.ARMED, SidecarEvent.ENGINE_SUCCEEDED,
                    SidecarPhase.AWAITING_STATE_WRITE, rewrittenAfterSuccess(kind)
                    ? "rewritten with expected_manifest_version; deleted after the ledger records it"
                    : "never rewritten; deleted after the ledger records the tombstone"));
            table.add(new Transition(kind, SidecarPhase.ARMED, SidecarEvent.CRASHED, SidecarPhase.KEPT,
                    "nothing acknowledged; the next state-mutating command sweeps it"));
            table.add(new Transition(kind, SidecarPhase.AWAITING_STATE_WRITE, SidecarEvent.CRASHED, SidecarPhase.KEPT,
                    "the graph moved but the ledger does not say so; the sweep rolls forward"));
            table.add(new Transition(kind, SidecarPhase.AWAITING_STATE_WRITE, SidecarEvent.STATE_WRITE_FAILED,
                    SidecarPhase.KEPT, "the outcome is not durable; re-swept next run"));
            table.add(new Transition(kind, SidecarPhase.AWAITING_STATE_WRITE, SidecarEvent.STATE_WRITTEN,
                    SidecarPhase.DELETED, "the outcome is durably recorded"));
            table.add(new Transition(kind, SidecarPhase.KEPT, SidecarEvent.SWEEP_COMPLETED,
                    SidecarPhase.AWAITING_STATE_WRITE, "retired once the sweeping command's write lands"));
            table.add(new Transition(kind, SidecarPhase.KEPT, SidecarEvent.SWEEP_PENDING, SidecarPhase.KEPT,
                    "the graph needs an operator; graph-moving work on it stays blocked"));
        }
        return List.copyOf(table);
    }
}
