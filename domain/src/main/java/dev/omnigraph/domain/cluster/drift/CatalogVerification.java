package dev.omnigraph.domain.cluster.drift;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.state.ClusterState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Catalog payload verification: which applied resources have a payload to verify, the
 * diagnostics for the findings ({@code status} reports them read-only), and the ledger
 * {@code refresh} persists. Refresh verifies payloads before observing graphs so a forgotten
 * query digest is already excluded from the recomputed composites.
 */
public final class CatalogVerification {

    private CatalogVerification() {
    }

    /** Address → catalog location of every applied query and policy payload, in address order. */
    public static Map<String, String> payloadsToVerify(ClusterState ledger) {
        TreeMap<String, String> payloads = new TreeMap<>();
        ledger.resources().forEach((address, resource) -> ClusterLayout.catalogPayload(address, resource.digest())
                .ifPresent(location -> payloads.put(address, location)));
        return payloads;
    }

    public record Outcome(ClusterState state, List<ClusterDiagnostic> diagnostics) {
        public Outcome {
            Objects.requireNonNull(state, "state");
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** The findings' diagnostics and, for refresh, the ledger with digests forgotten and statuses set. */
    public static Outcome apply(ClusterState ledger, Map<String, PayloadFinding> findings) {
        ClusterState.Editor state = ledger.edit();
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        new TreeMap<>(findings).forEach((address, finding) -> {
            diagnostics.add(finding.diagnostic(address));
            if (finding.forgetsDigest()) {
                state.removeResource(address);
            }
            state.status(address, finding.status());
        });
        return new Outcome(state.build(), diagnostics);
    }
}
