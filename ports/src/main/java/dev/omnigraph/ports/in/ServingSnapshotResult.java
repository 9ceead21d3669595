package dev.omnigraph.ports.in;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.serving.QuarantinedGraph;
import dev.omnigraph.domain.cluster.serving.ServingBootText;
import dev.omnigraph.domain.cluster.serving.ServingGraph;
import dev.omnigraph.domain.cluster.serving.ServingPolicy;
import dev.omnigraph.domain.cluster.serving.ServingStoredQuery;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a server may serve of a cluster's applied revision. When {@link #ready()} is false the cluster
 * must not be served at all: graphs, queries and policies are then empty and {@link #refusalMessage()}
 * is the boot error. When ready, {@code diagnostics} are the startup warnings (one
 * {@code cluster_recovery_pending} per pending sidecar) a server logs, or refuses on in strict mode
 * ({@link #strictRefusalMessage()}).
 *
 * @param cluster     the {@code --cluster} argument as given (the refusal message names it)
 * @param storageRoot the storage root the ledger was read from, once it was resolved
 * @param graphs      the served graphs in id order, with derived roots, verified embedding profiles and
 *                    applied external Blob policies
 * @param queries     the served graphs' stored queries in address order, sources verified
 * @param policies    the policy bundles with a binding left, in name order, sources verified
 * @param quarantined the graphs left out while the rest is served, with the reason
 * @param diagnostics errors (in report order) then warnings when refused; the warnings when ready
 */
public record ServingSnapshotResult(String cluster, Optional<String> storageRoot, List<ServingGraph> graphs,
                                    List<ServingStoredQuery> queries, List<ServingPolicy> policies,
                                    List<QuarantinedGraph> quarantined, List<ClusterDiagnostic> diagnostics) {

    public ServingSnapshotResult {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(storageRoot, "storageRoot");
        graphs = List.copyOf(graphs);
        queries = List.copyOf(queries);
        policies = List.copyOf(policies);
        quarantined = List.copyOf(quarantined);
        diagnostics = List.copyOf(diagnostics);
    }

    /** A cluster that must not be served, with why. */
    public static ServingSnapshotResult refused(String cluster, Optional<String> storageRoot,
                                                List<QuarantinedGraph> quarantined,
                                                List<ClusterDiagnostic> diagnostics) {
        return new ServingSnapshotResult(cluster, storageRoot, List.of(), List.of(), List.of(), quarantined,
                diagnostics);
    }

    /** True iff no diagnostic is an error. */
    public boolean ready() {
        return !ClusterDiagnostic.anyError(diagnostics);
    }

    /** The stored queries of one served graph. */
    public List<ServingStoredQuery> queriesOf(String graphId) {
        return queries.stream().filter(query -> query.graphId().equals(graphId)).toList();
    }

    /**
     * The boot error of a refused snapshot: {@code the cluster at '<cluster>' is not ready to serve:} and
     * one indented {@code [code] path: message} line per diagnostic.
     *
     * @throws IllegalStateException when the snapshot is ready
     */
    public String refusalMessage() {
        if (ready()) {
            throw new IllegalStateException("the snapshot of '" + cluster + "' is ready to serve");
        }
        return ServingBootText.notReadyToServe(cluster, diagnostics);
    }

    /** The boot error of a strict ({@code --require-all-graphs}) boot; empty when it may proceed. */
    public Optional<String> strictRefusalMessage() {
        if (!ready()) {
            return Optional.of(refusalMessage());
        }
        return diagnostics.isEmpty() ? Optional.empty() : Optional.of(ServingBootText.strictBootRefused(diagnostics));
    }
}
