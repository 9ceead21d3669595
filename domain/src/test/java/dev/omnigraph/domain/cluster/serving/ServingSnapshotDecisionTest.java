package dev.omnigraph.domain.cluster.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.Sha256;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.cluster.state.StateResource;
import dev.omnigraph.domain.lang.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure decisions of the serving snapshot, on ledgers built in memory. */
class ServingSnapshotDecisionTest {

    private static final String ROOT = "s3://bucket/prefix";
    private static final String QUERY = "query q() { match { $p: Person } return { $p.name } }\n";
    private static final String POLICY = "version: 1\n";

    @Test
    void listing_problems_are_promoted_and_an_unattributed_sidecar_is_fatal() {
        ClusterDiagnostic unreadable = ClusterDiagnostic.warning(ClusterCodes.INVALID_RECOVERY_SIDECAR,
                "__cluster/recoveries/a.json", "could not parse (x); leaving it in place");
        SidecarTriage triage = SidecarTriage.of(List.of(stored("b", "people"), stored("c", "")), List.of(unreadable));

        SidecarTriage.Fatal fatal = assertInstanceOf(SidecarTriage.Fatal.class, triage);
        assertEquals(List.of(ClusterCodes.INVALID_RECOVERY_SIDECAR, ClusterCodes.CLUSTER_RECOVERY_UNATTRIBUTED),
                fatal.errors().stream().map(ClusterDiagnostic::code).toList());
        assertEquals(List.of(Severity.ERROR, Severity.ERROR),
                fatal.errors().stream().map(ClusterDiagnostic::severity).toList());
        assertEquals("__cluster/recoveries/c.json", fatal.errors().get(1).path());
    }

    @Test
    void attributed_sidecars_quarantine_their_graphs_in_id_order() {
        SidecarTriage triage = SidecarTriage.of(List.of(stored("01A", "zeta"), stored("01B", "alpha"),
                stored("01C", "zeta")), List.of());

        SidecarTriage.Admitted admitted = assertInstanceOf(SidecarTriage.Admitted.class, triage);
        assertEquals(List.of("alpha", "zeta"), admitted.quarantined().stream().map(QuarantinedGraph::graphId).toList());
        assertEquals(Set.of("alpha", "zeta"), admitted.quarantinedGraphIds());
        assertEquals(List.of("graph.zeta", "graph.alpha", "graph.zeta"),
                admitted.warnings().stream().map(ClusterDiagnostic::path).toList());
        assertEquals(admitted.warnings().get(0).message(), admitted.quarantined().get(1).reason(),
                "the reason is the first sidecar's");
    }

    @Test
    void a_verified_ledger_is_served_and_payloads_are_read_once() {
        ClusterState state = ledger();
        ServingSelection selection = ServingSelection.of(state, Set.of(), ROOT);
        assertEquals(List.of(policyLocation(), queryLocation("q"), queryLocation("r")), selection.payloadLocations());

        ServingVerdict verdict = ServingVerdict.conclude(selection, Map.of(
                queryLocation("q"), found(QUERY), queryLocation("r"), found(QUERY), policyLocation(), found(POLICY)),
                admitted());

        ServingVerdict.Ready ready = assertInstanceOf(ServingVerdict.Ready.class, verdict);
        assertEquals(List.of(new ServingGraph("people", ROOT + "/graphs/people.omni", Optional.empty(),
                ExternalBlobPolicy.DENY)), ready.graphs());
        assertEquals(List.of(new ServingStoredQuery("people", "q", QUERY), new ServingStoredQuery("people", "r", QUERY)),
                ready.queries());
        assertEquals(List.of(new ServingPolicy("rules", POLICY, List.of("graph.people", "cluster"))), ready.policies());
    }

    @Test
    void tampered_unreadable_and_non_utf8_payloads_refuse_in_address_order() {
        ServingSelection selection = ServingSelection.of(ledger(), Set.of(), ROOT);

        ServingVerdict verdict = ServingVerdict.conclude(selection, Map.of(
                queryLocation("q"), found(QUERY + " "),
                policyLocation(), new CatalogPayloadRead.Unreadable("denied"),
                queryLocation("r"), new CatalogPayloadRead.Found(new byte[] {(byte) 0xff})), admitted());

        ServingVerdict.Refused refused = assertInstanceOf(ServingVerdict.Refused.class, verdict);
        assertEquals(List.of(
                ClusterDiagnostic.error(ClusterCodes.CATALOG_PAYLOAD_MISSING, "policy.rules", "catalog blob '" + ROOT
                        + "/" + policyLocation() + "' unreadable (denied); run `cluster refresh` then `cluster apply`, "
                        + "and restart"),
                ClusterDiagnostic.error(ClusterCodes.CATALOG_PAYLOAD_DIGEST_MISMATCH, "query.people.q", "catalog blob '"
                        + ROOT + "/" + queryLocation("q") + "' does not match its recorded digest; run `cluster "
                        + "refresh` then `cluster apply`, and restart"),
                ClusterDiagnostic.error(ClusterCodes.CATALOG_PAYLOAD_MISSING, "query.people.r", "catalog blob '" + ROOT
                        + "/" + queryLocation("r") + "' unreadable (stream did not contain valid UTF-8); run `cluster "
                        + "refresh` then `cluster apply`, and restart")), refused.diagnostics());
    }

    @Test
    void quarantine_drops_the_graph_its_queries_and_its_bindings() {
        ClusterState state = ledger();
        ServingSelection selection = ServingSelection.of(state, Set.of("people"), ROOT);
        assertEquals(List.of(policyLocation()), selection.payloadLocations());

        ServingVerdict verdict = ServingVerdict.conclude(selection, Map.of(policyLocation(), found(POLICY)),
                new SidecarTriage.Admitted(List.of(new QuarantinedGraph("people", "pending")), List.of(
                        ServingDiagnostics.recoveryPending("people", "01A"))));

        ServingVerdict.Refused refused = assertInstanceOf(ServingVerdict.Refused.class, verdict);
        assertEquals(List.of(ClusterCodes.CLUSTER_NO_HEALTHY_GRAPHS, ClusterCodes.CLUSTER_RECOVERY_PENDING),
                refused.diagnostics().stream().map(ClusterDiagnostic::code).toList());
        assertEquals(List.of(new QuarantinedGraph("people", "pending")), refused.quarantined());
    }

    @Test
    void a_ledger_without_graphs_is_empty_and_a_composite_mismatch_is_not_served() {
        ClusterState empty = ClusterState.initialImport("c");
        ServingVerdict none = ServingVerdict.conclude(ServingSelection.of(empty, Set.of(), ROOT), Map.of(), admitted());
        assertEquals(List.of(ServingDiagnostics.empty()), ((ServingVerdict.Refused) none).diagnostics());

        ClusterState forged = ledger().edit().putResource("graph.people", StateResource.of("0".repeat(64))).build();
        ServingSelection selection = ServingSelection.of(forged, Set.of(), ROOT);
        ServingVerdict verdict = ServingVerdict.conclude(selection, Map.of(queryLocation("q"), found(QUERY),
                queryLocation("r"), found(QUERY), policyLocation(), found(POLICY)), admitted());
        assertEquals(List.of(ClusterCodes.EXTERNAL_BLOB_POLICY_DIGEST_MISMATCH, ClusterCodes.CLUSTER_EMPTY),
                ((ServingVerdict.Refused) verdict).diagnostics().stream().map(ClusterDiagnostic::code).toList());
    }

    @Test
    void the_boot_texts_are_the_reference_ones() {
        List<ClusterDiagnostic> diagnostics = List.of(ServingDiagnostics.stateMissing(),
                ServingDiagnostics.recoveryPending("people", "01A"));
        assertEquals("""
                the cluster at 'ops/' is not ready to serve:
                  [cluster_state_missing] __cluster/state.json: no cluster state ledger; run `cluster import` and \
                `cluster apply` first
                  [cluster_recovery_pending] graph.people: graph `people` is quarantined because interrupted \
                operation `01A` awaits recovery; run any state-mutating cluster command (e.g. `cluster apply`) to \
                sweep""", ServingBootText.notReadyToServe("ops/", diagnostics));
        assertEquals("strict cluster boot requires every applied graph to be ready; startup diagnostics:\n  "
                + ServingBootText.line(diagnostics.get(1)), ServingBootText.strictBootRefused(diagnostics.subList(1, 2)));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** One graph with two queries from one file and a policy bound to it and to the cluster. */
    private static ClusterState ledger() {
        String queryDigest = Sha256.hex(QUERY);
        ClusterState.Editor editor = ClusterState.initialImport("c").edit()
                .putResource("schema.people", StateResource.of(Sha256.hex("schema")))
                .putResource("query.people.q", StateResource.of(queryDigest))
                .putResource("query.people.r", StateResource.of(queryDigest))
                .putResource("policy.rules", new StateResource(Sha256.hex(POLICY),
                        Optional.of(List.of("graph.people", "cluster")), Optional.empty(), Optional.empty(),
                        Optional.empty()));
        ClusterState parts = editor.snapshot();
        String composite = parts.graphComposite("people", parts.schemaDigest("people"), Optional.empty(),
                ExternalBlobPolicy.DENY);
        return editor.putResource("graph.people", StateResource.of(composite)).build();
    }

    private static String queryLocation(String name) {
        return "__cluster/resources/query/people/" + name + "/" + Sha256.hex(QUERY) + ".gq";
    }

    private static String policyLocation() {
        return "__cluster/resources/policy/rules/" + Sha256.hex(POLICY) + ".yaml";
    }

    private static CatalogPayloadRead found(String text) {
        return new CatalogPayloadRead.Found(text.getBytes(StandardCharsets.UTF_8));
    }

    private static SidecarTriage.Admitted admitted() {
        return new SidecarTriage.Admitted(List.of(), List.of());
    }

    private static StoredSidecar stored(String operationId, String graphId) {
        return new StoredSidecar("__cluster/recoveries/" + operationId + ".json", RecoverySidecar.schemaApply(
                operationId, "2024-01-01T00:00:00Z", Optional.empty(), graphId, "uri", OptionalLong.empty(),
                Sha256.hex("s"), Optional.empty()));
    }
}
