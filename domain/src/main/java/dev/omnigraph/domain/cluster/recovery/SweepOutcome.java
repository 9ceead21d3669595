package dev.omnigraph.domain.cluster.recovery;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.state.ClusterState;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a sweep decided: the ledger it leads to (persisted only by the sweeping command's own
 * CAS-checked write), the graphs left pending (graph-moving work on them is blocked this run),
 * the sidecars to delete and the approval artifacts to mark consumed — both only after that write
 * lands — the row of each sidecar (by location), and the diagnostics.
 */
public record SweepOutcome(ClusterState state,
                           Set<String> pendingGraphs,
                           List<String> completedSidecars,
                           List<String> consumedApprovals,
                           Map<String, SweepRow> rows,
                           List<ClusterDiagnostic> diagnostics) {

    public SweepOutcome {
        Objects.requireNonNull(state, "state");
        pendingGraphs = Set.copyOf(pendingGraphs);
        completedSidecars = List.copyOf(completedSidecars);
        consumedApprovals = List.copyOf(consumedApprovals);
        rows = Map.copyOf(rows);
        diagnostics = List.copyOf(diagnostics);
    }
}
