package dev.omnigraph.domain.cluster.drift;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.ResourceAddress;
import dev.omnigraph.domain.cluster.config.DesiredGraph;
import dev.omnigraph.domain.cluster.state.ClusterObservations;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import dev.omnigraph.domain.cluster.state.StateResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Records what refresh and import observed about each declared graph (graphs only in the ledger
 * are not observed):
 * <ul>
 *   <li>missing root: {@code graph.<id>} and {@code schema.<id>} leave the applied resources
 *       (queries and policies stay, so they are not changes), statuses drifted
 *       {@code graph_missing};</li>
 *   <li>opened: {@code schema.<id>} becomes the live digest and the composite is recomputed from
 *       the live schema and the ledger's queries, provider binding and external Blob policy;
 *       statuses applied when the live schema is the desired one, else drifted
 *       {@code schema_mismatch};</li>
 *   <li>open error: resources untouched, statuses error {@code graph_observation_error}; the
 *       command then fails with one {@code graph_observation_error} (path {@code graphs}).</li>
 * </ul>
 * Each graph also gets a graph observation record.
 */
public final class GraphObservationStep {

    static final String MISSING_MESSAGE = "derived graph root is missing";
    static final String MISMATCH_MESSAGE = "live schema digest differs from desired schema digest";

    private GraphObservationStep() {
    }

    /** One graph's observation input: its root location and what was seen there. */
    public record Observed(String graphUri, LiveGraph live) {
        public Observed {
            Objects.requireNonNull(graphUri, "graphUri");
            Objects.requireNonNull(live, "live");
        }
    }

    public record Outcome(ClusterState state, Map<String, GraphDrift> drift, List<ClusterDiagnostic> diagnostics) {
        public Outcome {
            Objects.requireNonNull(state, "state");
            drift = Map.copyOf(drift);
            diagnostics = List.copyOf(diagnostics);
        }

        public long errorCount() {
            return drift.values().stream().filter(GraphDrift.OBSERVATION_ERROR::equals).count();
        }
    }

    /** @param observed per declared graph id; graphs without an entry are skipped */
    public static Outcome observeAll(ClusterState ledger, List<DesiredGraph> declared, Map<String, Observed> observed,
                                     String observedAt) {
        ClusterState.Editor state = ledger.edit();
        Map<String, GraphDrift> drift = new TreeMap<>();
        for (DesiredGraph graph : declared) {
            Observed observation = observed.get(graph.id());
            if (observation != null) {
                drift.put(graph.id(), observe(state, graph, observation, observedAt));
            }
        }
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        long errors = drift.values().stream().filter(GraphDrift.OBSERVATION_ERROR::equals).count();
        if (errors > 0) {
            diagnostics.add(ClusterDiagnostic.error(ClusterCodes.GRAPH_OBSERVATION_ERROR, ClusterLayout.GRAPHS_DIR,
                    errors + " graph observation(s) failed"));
        }
        return new Outcome(state.build(), drift, diagnostics);
    }

    static GraphDrift observe(ClusterState.Editor state, DesiredGraph graph, Observed observed, String observedAt) {
        String graphAddress = ResourceAddress.graph(graph.id());
        String schemaAddress = ResourceAddress.schema(graph.id());
        LiveGraph live = observed.live();
        if (live instanceof LiveGraph.Missing) {
            state.removeResource(graphAddress).removeResource(schemaAddress);
            state.observation(graphAddress, ClusterObservations.graph(graphAddress, observed.graphUri(), observedAt, false,
                    OptionalLong.empty(), Optional.empty(), graph.schemaDigest(), Optional.of(false),
                    Optional.of(MISSING_MESSAGE)));
            mark(state, graph.id(), GraphDrift.GRAPH_MISSING, MISSING_MESSAGE);
            return GraphDrift.GRAPH_MISSING;
        }
        if (live instanceof LiveGraph.ObservationFailed failed) {
            state.observation(graphAddress, ClusterObservations.graph(graphAddress, observed.graphUri(), observedAt, true,
                    OptionalLong.empty(), Optional.empty(), graph.schemaDigest(), Optional.empty(),
                    Optional.of(failed.error())));
            mark(state, graph.id(), GraphDrift.OBSERVATION_ERROR, failed.error());
            return GraphDrift.OBSERVATION_ERROR;
        }
        LiveGraph.Observed seen = (LiveGraph.Observed) live;
        state.putResource(schemaAddress, StateResource.of(seen.schemaDigest()));
        ClusterState current = state.snapshot();
        Optional<String> provider = current.graphEmbeddingProvider(graph.id());
        ExternalBlobPolicy policy = current.graphExternalBlobPolicy(graph.id());
        state.putResource(graphAddress, new StateResource(
                current.graphComposite(graph.id(), Optional.of(seen.schemaDigest()), provider, policy), Optional.empty(),
                provider, Optional.empty(), policy.persisted()));
        boolean matches = seen.schemaDigest().equals(graph.schemaDigest());
        state.observation(graphAddress, ClusterObservations.graph(graphAddress, observed.graphUri(), observedAt, true,
                OptionalLong.of(seen.manifestVersion()), Optional.of(seen.schemaDigest()), graph.schemaDigest(),
                Optional.of(matches), Optional.empty()));
        GraphDrift drift = matches ? GraphDrift.IN_SYNC : GraphDrift.SCHEMA_MISMATCH;
        mark(state, graph.id(), drift, MISMATCH_MESSAGE);
        return drift;
    }

    private static void mark(ClusterState.Editor state, String graphId, GraphDrift drift, String message) {
        ResourceStatus status = drift == GraphDrift.IN_SYNC ? ResourceStatus.applied()
                : ResourceStatus.of(drift.status(), drift.condition(), message);
        state.status(ResourceAddress.graph(graphId), status);
        state.status(ResourceAddress.schema(graphId), status);
    }
}
