package dev.omnigraph.domain.cluster.drift;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.config.DesiredGraph;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.LifecycleStatus;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import dev.omnigraph.domain.cluster.state.StateResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: refresh is how out-of-band changes (a deleted root, a hand-migrated schema, a
 * lost catalog blob) become plan changes that apply converges; each finding must land in the
 * ledger exactly as the reference records it.
 */
class DriftTest {

    private static final DesiredGraph K = new DesiredGraph("k", "desired", Optional.empty(), ExternalBlobPolicy.DENY);

    private static ClusterState ledger() {
        ClusterState.Editor editor = ClusterState.initialImport("cfg").edit()
                .putResource("schema.k", StateResource.of("desired"))
                .putResource("query.k.q", StateResource.of("qd"))
                .putResource("policy.p", StateResource.of("pd"));
        ClusterState partial = editor.snapshot();
        return editor.putResource("graph.k", StateResource.of(partial.graphComposite("k", Optional.of("desired"),
                Optional.empty(), ExternalBlobPolicy.DENY))).build();
    }

    private static GraphObservationStep.Outcome observe(LiveGraph live) {
        return GraphObservationStep.observeAll(ledger(), List.of(K),
                Map.of("k", new GraphObservationStep.Observed("/r/graphs/k.omni", live)), "t");
    }

    @Test
    void aMissingRootForgetsGraphAndSchemaButKeepsQueries() {
        GraphObservationStep.Outcome outcome = observe(new LiveGraph.Missing());
        assertEquals(Map.of("k", GraphDrift.GRAPH_MISSING), outcome.drift());
        assertEquals(List.of("policy.p", "query.k.q"), List.copyOf(outcome.state().resources().keySet()));
        assertEquals(ResourceStatus.of(LifecycleStatus.DRIFTED, "graph_missing", "derived graph root is missing"),
                outcome.state().resourceStatuses().get("schema.k"));
        assertTrue(outcome.state().observations().get("graph.k").toString().contains("\"exists\":false"));
        assertEquals(List.of(), outcome.diagnostics());
    }

    @Test
    void aMatchingLiveSchemaIsAppliedAndRecordsTheObservation() {
        GraphObservationStep.Outcome outcome = observe(new LiveGraph.Observed(12, "desired"));
        assertEquals(GraphDrift.IN_SYNC, outcome.drift().get("k"));
        assertEquals(ResourceStatus.applied(), outcome.state().resourceStatuses().get("graph.k"));
        assertEquals(ledger().resource("graph.k"), outcome.state().resource("graph.k"));
        assertEquals("{\"kind\":\"graph\",\"address\":\"graph.k\",\"graph_uri\":\"/r/graphs/k.omni\",\"observed_at\":\"t\","
                        + "\"exists\":true,\"graph_manifest_version\":12,\"schema_digest\":\"desired\","
                        + "\"desired_schema_digest\":\"desired\",\"schema_matches_desired\":true,\"error\":null}",
                outcome.state().observations().get("graph.k").toString());
    }

    @Test
    void anOutOfBandSchemaIsRecordedLiveAndDrifted() {
        GraphObservationStep.Outcome outcome = observe(new LiveGraph.Observed(13, "hand-edited"));
        assertEquals(GraphDrift.SCHEMA_MISMATCH, outcome.drift().get("k"));
        assertEquals(Optional.of("hand-edited"), outcome.state().schemaDigest("k"));
        assertEquals(List.of(), outcome.state().integrityDiagnostics(), "the composite follows the live schema");
        assertEquals(ResourceStatus.of(LifecycleStatus.DRIFTED, "schema_mismatch",
                "live schema digest differs from desired schema digest"), outcome.state().resourceStatuses().get("graph.k"));
    }

    @Test
    void anObservationErrorLeavesResourcesAndFailsTheCommand() {
        GraphObservationStep.Outcome outcome = observe(new LiveGraph.ObservationFailed("permission denied"));
        assertEquals(GraphDrift.OBSERVATION_ERROR, outcome.drift().get("k"));
        assertEquals(ledger().resources(), outcome.state().resources());
        assertEquals(ResourceStatus.of(LifecycleStatus.ERROR, "graph_observation_error", "permission denied"),
                outcome.state().resourceStatuses().get("schema.k"));
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.GRAPH_OBSERVATION_ERROR, "graphs",
                "1 graph observation(s) failed")), outcome.diagnostics());
        assertEquals(1, outcome.errorCount());
    }

    @Test
    void catalogFindingsSelfHealOrFailLoudly() {
        assertEquals(Map.of("policy.p", "__cluster/resources/policy/p/pd.yaml",
                "query.k.q", "__cluster/resources/query/k/q/qd.gq"), CatalogVerification.payloadsToVerify(ledger()));
        assertEquals(Optional.empty(), PayloadFinding.verify("qd", Optional.of("qd")));
        assertEquals(Optional.of(new PayloadFinding.Missing()), PayloadFinding.verify("qd", Optional.empty()));
        assertEquals(Optional.of(new PayloadFinding.Mismatch("zz")), PayloadFinding.verify("qd", Optional.of("zz")));

        CatalogVerification.Outcome outcome = CatalogVerification.apply(ledger(), Map.of(
                "query.k.q", new PayloadFinding.Mismatch("zz"),
                "policy.p", new PayloadFinding.ReadError("timeout")));
        assertEquals(List.of(
                ClusterDiagnostic.error(ClusterCodes.CATALOG_PAYLOAD_READ_ERROR, "policy.p", "timeout"),
                ClusterDiagnostic.warning(ClusterCodes.CATALOG_PAYLOAD_MISMATCH, "query.k.q",
                        "catalog payload blob does not match the recorded digest (actual sha256:zz); re-run "
                                + "`cluster apply` to republish")), outcome.diagnostics());
        assertTrue(outcome.state().resource("query.k.q").isEmpty(), "a mismatching digest is forgotten");
        assertTrue(outcome.state().resource("policy.p").isPresent(), "an unreadable one is kept");
        assertEquals(LifecycleStatus.ERROR, outcome.state().resourceStatuses().get("policy.p").status());
        assertEquals("payload_mismatch", outcome.state().resourceStatuses().get("query.k.q").conditions().get(0));
        assertEquals(ClusterCodes.CATALOG_PAYLOAD_MISSING, new PayloadFinding.Missing().diagnostic("query.k.q").code());
        assertEquals("payload_missing", new PayloadFinding.Missing().status().conditions().get(0));
    }

    @Test
    void refreshAlwaysWritesAndImportOnlyWhenClean() {
        ClusterState observed = ledger().withStateRevision(4);
        assertEquals(5, StateSync.REFRESH.ledgerToWrite(observed, true).orElseThrow().stateRevision());
        assertEquals(1, StateSync.IMPORT.ledgerToWrite(observed, false).orElseThrow().stateRevision());
        assertEquals(Optional.empty(), StateSync.IMPORT.ledgerToWrite(observed, true));
        assertEquals(ClusterCodes.STATE_MISSING, StateSync.REFRESH.precondition(false).orElseThrow().code());
        assertEquals(ClusterCodes.STATE_ALREADY_EXISTS, StateSync.IMPORT.precondition(true).orElseThrow().code());
        assertEquals(Optional.empty(), StateSync.IMPORT.precondition(false));
        assertTrue(StateSync.missingForApply().isError());
        assertTrue(StateSync.missingForApprove().message().startsWith("approve requires"));
        assertTrue(!StateSync.missingForStatus().isError());
    }
}
