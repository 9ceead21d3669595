package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Step 1 of the serving snapshot: what the pending recovery sidecars allow. Serving never sweeps, so a
 * sidecar stays pending until a state-mutating command classifies it; until then its graph may have been
 * moved by an operation the ledger does not record. A sidecar naming its graph quarantines exactly that
 * graph; one whose blast radius cannot be proven (a listing, read, parse or version problem, or a blank
 * {@code graph_id}) refuses the whole cluster.
 */
public sealed interface SidecarTriage {

    /** Serving refused: the sidecar findings, all errors (quarantine warnings are not reported with them). */
    record Fatal(List<ClusterDiagnostic> errors) implements SidecarTriage {
        public Fatal {
            errors = List.copyOf(errors);
        }
    }

    /**
     * Serving may proceed without the quarantined graphs (one entry per graph in id order, with the reason
     * of its first sidecar in operation order); {@code warnings} has one {@code cluster_recovery_pending} per
     * sidecar, in operation order.
     */
    record Admitted(List<QuarantinedGraph> quarantined, List<ClusterDiagnostic> warnings) implements SidecarTriage {
        public Admitted {
            quarantined = List.copyOf(quarantined);
            warnings = List.copyOf(warnings);
        }

        public Set<String> quarantinedGraphIds() {
            Set<String> ids = new TreeSet<>();
            quarantined.forEach(graph -> ids.add(graph.graphId()));
            return ids;
        }
    }

    /**
     * @param sidecars        the sidecars that decoded, in key (operation id) order
     * @param listingProblems the findings of listing the recoveries folder (the control plane's warnings
     *                        {@code recovery_sidecar_read_error}, {@code invalid_recovery_sidecar},
     *                        {@code unsupported_recovery_sidecar_version}), each promoted to an error
     */
    static SidecarTriage of(List<StoredSidecar> sidecars, List<ClusterDiagnostic> listingProblems) {
        List<ClusterDiagnostic> errors = new ArrayList<>();
        listingProblems.forEach(problem -> errors.add(ServingDiagnostics.promoted(problem)));
        Map<String, QuarantinedGraph> quarantined = new TreeMap<>();
        List<ClusterDiagnostic> warnings = new ArrayList<>();
        for (StoredSidecar stored : sidecars) {
            RecoverySidecar sidecar = stored.sidecar();
            if (sidecar.graphId().isBlank()) {
                errors.add(ServingDiagnostics.recoveryUnattributed(stored.location()));
                continue;
            }
            ClusterDiagnostic pending = ServingDiagnostics.recoveryPending(sidecar.graphId(), sidecar.operationId());
            warnings.add(pending);
            quarantined.putIfAbsent(sidecar.graphId(), new QuarantinedGraph(sidecar.graphId(), pending.message()));
        }
        if (!errors.isEmpty()) {
            return new Fatal(errors);
        }
        return new Admitted(new ArrayList<>(quarantined.values()), warnings);
    }
}
