package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.state.ApprovalArtifact;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: an approval must authorise exactly the change a human looked at — same
 * resource, same digests, same desired config — and nothing after any edit.
 */
class ApprovalGateTest {

    private static final PlanChange GRAPH_DELETE = PlanChange.delete("graph.g", "c");
    private static final PlanChange SCHEMA_DELETE = PlanChange.delete("schema.g", "s");

    private static ApprovalArtifact artifact(String resource, String config, Optional<String> before, boolean consumed) {
        return new ApprovalArtifact(1, "01A-" + resource + config, resource, "delete", ApprovalGate.DELETE_REASON, config,
                before, Optional.empty(), "andrew", "t", consumed ? Optional.of("t2") : Optional.empty(), Optional.empty());
    }

    @Test
    void oneGatePerSubtree() {
        assertEquals(List.of(new ApprovalRequirement("graph.g", ApprovalGate.DELETE_REASON, false)),
                ApprovalGate.requirements(List.of(GRAPH_DELETE, SCHEMA_DELETE, PlanChange.delete("query.g.q", "q")), Set.of()));
        assertEquals(List.of(new ApprovalRequirement("schema.g", ApprovalGate.DELETE_REASON, true)),
                ApprovalGate.requirements(List.of(SCHEMA_DELETE, PlanChange.create("graph.h", "x")), Set.of("schema.g")));
        assertEquals("{\"resource\":\"schema.g\",\"reason\":\"delete may remove deployed graph or schema definition\","
                + "\"satisfied\":true}", new ApprovalRequirement("schema.g", ApprovalGate.DELETE_REASON, true).toJson().toString());
    }

    @Test
    void onlyAnExactUnconsumedArtifactApproves() {
        ApprovalGate.Evaluation exact = ApprovalGate.evaluate(
                List.of(artifact("graph.g", "cfg", Optional.of("c"), false)), List.of(GRAPH_DELETE), "cfg");
        assertEquals(Set.of("graph.g"), exact.approved());
        assertEquals(List.of(), exact.staleWarnings());

        ApprovalGate.Evaluation consumed = ApprovalGate.evaluate(
                List.of(artifact("graph.g", "cfg", Optional.of("c"), true)), List.of(GRAPH_DELETE), "cfg");
        assertEquals(Set.of(), consumed.approved());
        assertEquals(List.of(), consumed.staleWarnings(), "consumed artifacts are history, not near-misses");
    }

    @Test
    void anyDigestDriftMakesTheApprovalStale() {
        for (ApprovalArtifact nearMiss : List.of(artifact("graph.g", "cfg-edited", Optional.of("c"), false),
                artifact("graph.g", "cfg", Optional.of("other"), false))) {
            ApprovalGate.Evaluation evaluation = ApprovalGate.evaluate(List.of(nearMiss), List.of(GRAPH_DELETE), "cfg");
            assertEquals(Set.of(), evaluation.approved());
            assertEquals(List.of(ClusterDiagnostic.warning(ClusterCodes.APPROVAL_STALE, "graph.g",
                    "an approval artifact exists but its bound digests no longer match the plan; re-run `cluster approve`")),
                    evaluation.staleWarnings());
        }
    }

    @Test
    void applyFindsTheArtifactToConsume() {
        List<ApprovalArtifact> artifacts = List.of(artifact("graph.g", "old", Optional.of("c"), false),
                artifact("graph.g", "cfg", Optional.of("c"), false));
        assertEquals(Optional.of("01A-graph.gcfg"), ApprovalGate.consumableApproval(artifacts, "graph.g", "cfg"));
        assertEquals(Optional.empty(), ApprovalGate.consumableApproval(artifacts, "graph.h", "cfg"));
    }

    @Test
    void approveWritesABoundArtifactOnlyForGatedChanges() {
        ApprovalGate.ApproveDecision decision = ApprovalGate.approve(List.of(GRAPH_DELETE, SCHEMA_DELETE), "graph.g");
        ApprovalArtifact artifact = ((ApprovalGate.ApproveDecision.Approvable) decision)
                .artifact("01NEW", "cfg", "andrew", "2026-01-01T00:00:00Z");
        assertEquals(new ApprovalArtifact(1, "01NEW", "graph.g", "delete", ApprovalGate.DELETE_REASON, "cfg",
                Optional.of("c"), Optional.empty(), "andrew", "2026-01-01T00:00:00Z", Optional.empty(), Optional.empty()),
                artifact);
        assertTrue(ApprovalGate.bindsExactly(artifact, GRAPH_DELETE, "cfg"));

        ApprovalGate.ApproveDecision notGated = ApprovalGate.approve(List.of(GRAPH_DELETE, SCHEMA_DELETE), "schema.g");
        assertEquals(ClusterDiagnostic.error(ClusterCodes.APPROVAL_NOT_REQUIRED, "schema.g",
                "no pending change for this resource requires approval (check `cluster plan`)"),
                ((ApprovalGate.ApproveDecision.NotRequired) notGated).diagnostic());
        assertInstanceOf(ApprovalGate.ApproveDecision.NotRequired.class,
                ApprovalGate.approve(List.of(PlanChange.create("graph.g", "c")), "graph.g"));
    }
}
