package dev.omnigraph.domain.cluster.recovery;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.state.ApprovalRecord;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.LifecycleStatus;
import dev.omnigraph.domain.cluster.state.RecoveryRecord;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import dev.omnigraph.domain.cluster.state.StatusConditions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The recovery sweep of {@code apply}, {@code refresh} and {@code import}: runs under the lock,
 * after the ledger integrity check, over the decoded sidecars in file-name (ULID) order, each
 * classified against the ledger as swept so far. Roll-forward-only (see the package doc).
 * {@code now} stamps recovery records, consumed approvals and tombstones.
 */
public final class RecoverySweep {

    static final String UNEXPECTED_STATE_MESSAGE =
            "graph state does not match the interrupted operation; run `cluster refresh` and re-plan";
    static final String PARTIAL_ROOT_MESSAGE =
            "graph root exists but cannot be opened; remove the graph root and re-run `cluster apply`";

    private RecoverySweep() {
    }

    public static SweepOutcome run(ClusterState ledger, List<SweptSidecar> sidecars, String now) {
        ClusterState.Editor state = ledger.edit();
        TreeSet<String> pending = new TreeSet<>();
        List<String> completed = new ArrayList<>();
        List<String> consumed = new ArrayList<>();
        Map<String, SweepRow> rows = new LinkedHashMap<>();
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        List<SweptSidecar> ordered = new ArrayList<>(sidecars);
        ordered.sort((a, b) -> a.location().compareTo(b.location()));
        for (SweptSidecar swept : ordered) {
            RecoverySidecar sidecar = swept.sidecar();
            String graphId = sidecar.graphId();
            String graphAddress = ResourceAddress.graph(graphId);
            SweepRow row = SweepClassifier.classify(sidecar, swept.root(), state.snapshot());
            rows.put(swept.location(), row);
            switch (row) {
                case CREATE_ROOT_ABSENT, CREATE_ALREADY_RECORDED, SCHEMA_STALE_INTENT, DELETE_ALREADY_TOMBSTONED -> {
                }
                case CREATE_ROLLED_FORWARD, SCHEMA_ROLLED_FORWARD -> {
                    String live = ((GraphRootObservation.Opened) swept.root()).liveSchemaDigest();
                    state.rollGraphForward(graphId, live);
                    state.recoveryRecord(sidecar.operationId(),
                            RecoveryRecord.rolledForward(sidecar.kind(), graphId, now, sidecar.actor()));
                    diagnostics.add(ClusterDiagnostic.warning(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD, graphAddress,
                            row == SweepRow.CREATE_ROLLED_FORWARD
                                    ? "an interrupted graph create had completed on the graph; cluster state was rolled "
                                    + "forward to match"
                                    : "an interrupted schema apply had completed on the graph; cluster state was rolled "
                                    + "forward to match"));
                }
                case CREATE_PARTIAL_ROOT -> {
                    markGraph(state, graphId, ResourceStatus.of(LifecycleStatus.ERROR,
                            StatusConditions.GRAPH_CREATE_INCOMPLETE, PARTIAL_ROOT_MESSAGE));
                    String error = ((GraphRootObservation.Unopenable) swept.root()).error();
                    diagnostics.add(ClusterDiagnostic.error(ClusterCodes.GRAPH_CREATE_INCOMPLETE, graphAddress,
                            "graph root '" + sidecar.graphUri() + "' exists but cannot be opened (" + error
                                    + "); remove the graph root and re-run `cluster apply`"));
                }
                case CREATE_UNEXPECTED_STATE, SCHEMA_UNEXPECTED_STATE -> {
                    markGraph(state, graphId, ResourceStatus.of(LifecycleStatus.DRIFTED,
                            StatusConditions.ACTUAL_APPLIED_STATE_PENDING, UNEXPECTED_STATE_MESSAGE));
                    diagnostics.add(ClusterDiagnostic.warning(ClusterCodes.CLUSTER_RECOVERY_PENDING, graphAddress,
                            (row == SweepRow.CREATE_UNEXPECTED_STATE ? "an interrupted graph create"
                                    : "an interrupted schema apply")
                                    + " left unexpected graph state; graph-moving work is blocked until repaired"));
                }
                case SCHEMA_UNVERIFIABLE -> diagnostics.add(ClusterDiagnostic.warning(
                        ClusterCodes.CLUSTER_RECOVERY_PENDING, graphAddress,
                        "an interrupted schema apply cannot be verified (graph '" + sidecar.graphUri()
                                + "' did not open: " + openError(swept.root())
                                + "); graph-moving work is blocked until repaired"));
                case DELETE_ROLLED_FORWARD -> {
                    state.tombstoneGraph(graphId, now, sidecar.approvalId(), sidecar.actor());
                    state.recoveryRecord(sidecar.operationId(),
                            RecoveryRecord.rolledForward(sidecar.kind(), graphId, now, sidecar.actor()));
                    sidecar.approvalId().ifPresent(approvalId -> {
                        state.approvalRecord(approvalId, new ApprovalRecord(now, sidecar.operationId()));
                        consumed.add(approvalId);
                    });
                    diagnostics.add(ClusterDiagnostic.warning(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD, graphAddress,
                            "an interrupted graph delete had completed on disk; cluster state was rolled forward to match"));
                }
                case DELETE_INCOMPLETE -> diagnostics.add(ClusterDiagnostic.warning(ClusterCodes.GRAPH_DELETE_INCOMPLETE,
                        graphAddress, "a previous graph delete did not complete; it will be re-proposed by plan and can "
                                + "be retried under its approval"));
            }
            if (row.retiresSidecar()) {
                completed.add(swept.location());
            }
            if (row.marksPending()) {
                pending.add(graphId);
            }
        }
        return new SweepOutcome(state.build(), pending, completed, consumed, rows, diagnostics);
    }

    private static void markGraph(ClusterState.Editor state, String graphId, ResourceStatus status) {
        state.status(ResourceAddress.graph(graphId), status);
        state.status(ResourceAddress.schema(graphId), status);
    }

    private static String openError(GraphRootObservation root) {
        if (root instanceof GraphRootObservation.Unopenable unopenable) {
            return unopenable.error();
        }
        return "derived graph root is missing";
    }
}
