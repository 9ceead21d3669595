package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a server may boot from the applied revision, and with what. Serving is all-or-nothing at the
 * cluster level (any error refuses it) and per graph only for quarantine, which never hides a graph
 * silently: every quarantined graph is named with its reason.
 */
public sealed interface ServingVerdict {

    List<QuarantinedGraph> quarantined();

    /**
     * @param warnings the startup diagnostics a server logs (one {@code cluster_recovery_pending} per
     *                 pending sidecar); a strict boot refuses when there is any
     */
    record Ready(List<ServingGraph> graphs, List<ServingStoredQuery> queries, List<ServingPolicy> policies,
                 List<QuarantinedGraph> quarantined, List<ClusterDiagnostic> warnings) implements ServingVerdict {
        public Ready {
            graphs = List.copyOf(graphs);
            queries = List.copyOf(queries);
            policies = List.copyOf(policies);
            quarantined = List.copyOf(quarantined);
            warnings = List.copyOf(warnings);
        }
    }

    /** @param diagnostics the errors in report order, then the quarantine warnings known so far */
    record Refused(List<QuarantinedGraph> quarantined, List<ClusterDiagnostic> diagnostics) implements ServingVerdict {
        public Refused {
            quarantined = List.copyOf(quarantined);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Step 1 refused serving: only the sidecar errors are reported. */
    static ServingVerdict refused(SidecarTriage.Fatal fatal) {
        return new Refused(List.of(), fatal.errors());
    }

    /** Step 2 refused serving: the ledger is missing ({@code cluster_state_missing}) or unusable. */
    static ServingVerdict withoutLedger(ClusterDiagnostic ledgerProblem, SidecarTriage.Admitted admitted) {
        List<ClusterDiagnostic> diagnostics = new ArrayList<>();
        diagnostics.add(ledgerProblem);
        diagnostics.addAll(admitted.warnings());
        return new Refused(admitted.quarantined(), diagnostics);
    }

    /**
     * Steps 5–7: every selected payload verified against its digest from {@code reads} (keyed by catalog
     * location; a location without a read counts as unreadable), then the emptiness check:
     * {@code cluster_no_healthy_graphs} when graphs were applied but quarantine left none, else
     * {@code cluster_empty}.
     */
    static ServingVerdict conclude(ServingSelection selection, Map<String, CatalogPayloadRead> reads,
                                   SidecarTriage.Admitted admitted) {
        List<ClusterDiagnostic> errors = new ArrayList<>();
        List<ServingGraph> graphs = new ArrayList<>();
        List<ServingStoredQuery> queries = new ArrayList<>();
        List<ServingPolicy> policies = new ArrayList<>();
        for (ServingSelection.Entry entry : selection.entries()) {
            if (entry instanceof ServingSelection.Finding finding) {
                errors.add(finding.diagnostic());
            } else if (entry instanceof ServingSelection.Graph graph) {
                graphs.add(graph.graph());
            } else if (entry instanceof ServingSelection.QueryPayload query) {
                verified(selection, reads, query.address(), query.location(), query.digest(), errors)
                        .ifPresent(source -> queries.add(new ServingStoredQuery(query.graphId(), query.name(), source)));
            } else if (entry instanceof ServingSelection.PolicyPayload policy) {
                verified(selection, reads, policy.address(), policy.location(), policy.digest(), errors)
                        .ifPresent(source -> policies.add(new ServingPolicy(policy.name(), source, policy.appliesTo())));
            }
        }
        if (graphs.isEmpty()) {
            errors.add(selection.sawAppliedGraph() && !admitted.quarantined().isEmpty()
                    ? ServingDiagnostics.noHealthyGraphs() : ServingDiagnostics.empty());
        }
        if (ClusterDiagnostic.anyError(errors)) {
            List<ClusterDiagnostic> diagnostics = new ArrayList<>(errors);
            diagnostics.addAll(admitted.warnings());
            return new Refused(admitted.quarantined(), diagnostics);
        }
        return new Ready(graphs, queries, policies, admitted.quarantined(), admitted.warnings());
    }

    /**
     * The payload's text when it is UTF-8 hashing to {@code digest}; otherwise a finding. The hash is over
     * the bytes read now, never a cached verdict: the catalog trusts an existing object as-is on write, so
     * a tampered blob is only caught here.
     */
    private static Optional<String> verified(ServingSelection selection, Map<String, CatalogPayloadRead> reads,
                                             String address, String location, String digest,
                                             List<ClusterDiagnostic> errors) {
        String displayed = selection.storageRoot() + "/" + location;
        CatalogPayloadRead read = reads.getOrDefault(location, new CatalogPayloadRead.Unreadable("not read"));
        if (read instanceof CatalogPayloadRead.Unreadable unreadable) {
            errors.add(ServingDiagnostics.payloadUnreadable(address, displayed, unreadable.reason()));
            return Optional.empty();
        }
        byte[] bytes = ((CatalogPayloadRead.Found) read).bytes();
        Optional<String> text = utf8(bytes);
        if (text.isEmpty()) {
            errors.add(ServingDiagnostics.payloadUnreadable(address, displayed, "stream did not contain valid UTF-8"));
            return Optional.empty();
        }
        if (!Sha256.hex(bytes).equals(digest)) {
            errors.add(ServingDiagnostics.payloadDigestMismatch(address, displayed));
            return Optional.empty();
        }
        return text;
    }

    /** Strict UTF-8: the text only when decoding and re-encoding gives the bytes back (no replacement). */
    private static Optional<String> utf8(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes) ? Optional.of(text) : Optional.empty();
    }
}
