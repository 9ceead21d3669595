package dev.omnigraph.ports.in;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.lang.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param cluster the argument as given
 * @param appliedGraphs the ids of the graphs the ledger's applied revision holds, sorted (empty when it cannot be
 *     read)
 * @param graphId the located graph: the requested one when applied, or the only applied graph when none was
 *     requested; empty otherwise (several candidates are then listed in {@code appliedGraphs})
 * @param graphUri the located graph's root ({@code <storage root>/graphs/<id>.omni})
 * @param diagnostics {@code graph_not_applied} for a requested id the ledger does not hold,
 *     {@code cluster_state_missing} without a ledger, or why the storage root or ledger cannot be read
 */
public record LocateClusterGraphResult(String cluster, List<String> appliedGraphs, Optional<String> graphId,
                                       Optional<String> graphUri, List<ClusterDiagnostic> diagnostics) {
    public LocateClusterGraphResult {
        Objects.requireNonNull(cluster, "cluster");
        appliedGraphs = List.copyOf(appliedGraphs);
        Objects.requireNonNull(graphId, "graphId");
        Objects.requireNonNull(graphUri, "graphUri");
        diagnostics = List.copyOf(diagnostics);
    }

    /** True iff no diagnostic is an error. */
    public boolean ok() {
        return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
    }
}
