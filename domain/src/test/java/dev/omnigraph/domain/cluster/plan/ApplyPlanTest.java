package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.Dependency;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ApplyPlanTest {

    private static final List<Dependency> EDGES = PlanFixtures.desired().dependencies();

    private static ApplyPlan ready(List<PlanChange> changes, Set<String> approved) {
        List<PlanChange> classified = DispositionClassifier.classify(changes, EDGES, Set.of(), approved);
        ApplyPlan.Preparation preparation = ApplyPlan.prepare(classified, ApprovalGate.requirements(classified, approved));
        return ((ApplyPlan.Preparation.Ready) preparation).plan();
    }

    @Test
    void phasesListTheirWorkInAddressOrder() {
        ApplyPlan plan = ready(List.of(PlanChange.create("graph.a", "ca"), PlanChange.create("schema.a", "sa"),
                PlanChange.update("schema.g", "s1", "s2"), PlanChange.create("query.g.q", "qd"),
                PlanChange.update("policy.p", "p1", "p2"), PlanChange.delete("graph.old", "c"),
                PlanChange.create("provider.embedding.e", "e")), Set.of("graph.old"));
        assertEquals(List.of("a"), plan.graphCreates());
        assertEquals(List.of("g"), plan.schemaUpdates());
        assertEquals(List.of(
                new ApplyPlan.CatalogWrite("policy.p", "p2", "__cluster/resources/policy/p/p2.yaml"),
                new ApplyPlan.CatalogWrite("query.g.q", "qd", "__cluster/resources/query/g/q/qd.gq")), plan.catalogWrites());
        assertEquals(List.of("old"), plan.graphDeletes());
        assertEquals(7, plan.appliedCount());
        assertEquals(0, plan.deferredCount());
    }

    @Test
    void anExecutableChangeWithoutItsApprovalRefusesTheRun() {
        List<PlanChange> forged = List.of(PlanChange.delete("graph.g", "c").classified(ApplyDisposition.APPLIED, Optional.empty()));
        ApplyPlan.Preparation refused = ApplyPlan.prepare(forged, ApprovalGate.requirements(forged, Set.of()));
        assertEquals(ClusterDiagnostic.error(ClusterCodes.APPLY_APPROVAL_INVARIANT_VIOLATION, "changes",
                "an executable change requires approval; refusing to apply"),
                ((ApplyPlan.Preparation.Refused) refused).diagnostic());
        assertInstanceOf(ApplyPlan.Preparation.Ready.class, ApplyPlan.prepare(forged,
                ApprovalGate.requirements(forged, Set.of("graph.g"))));
    }

    @Test
    void deferredAndBlockedChangesWarnAndCount() {
        ApplyPlan plan = ready(List.of(PlanChange.delete("graph.g", "c"), PlanChange.delete("schema.x", "s"),
                PlanChange.update("graph.y", "1", "2")), Set.of());
        assertEquals(List.of(
                ClusterDiagnostic.warning(ClusterCodes.APPLY_DEPENDENCY_BLOCKED, "graph.g",
                        "blocked by an unapplied or missing dependency (approval_required)"),
                ClusterDiagnostic.warning(ClusterCodes.APPLY_UNSUPPORTED_CHANGE, "schema.x",
                        "graph/schema changes are not applied in this stage; they are deferred to the graph-lifecycle phase")),
                plan.dispositionWarnings());
        assertEquals(0, plan.appliedCount());
        assertEquals(2, plan.deferredCount(), "derived graph.y counts as neither");
    }

    @Test
    void aFailedGraphStepDemotesItsDependents() {
        ApplyPlan plan = ready(List.of(PlanChange.create("graph.g", "c"), PlanChange.create("schema.g", "s"),
                PlanChange.create("query.g.q", "q"), PlanChange.create("policy.p", "p"),
                PlanChange.create("provider.embedding.e", "e")), Set.of());
        ApplyPlan demoted = plan.demoted(Map.of("g", FailedGraphOrigin.GRAPH_CREATE), EDGES);
        assertEquals(Optional.of("graph_create_failed"), demoted.change("graph.g").orElseThrow().reason());
        assertEquals(Optional.of("dependency_not_applied"), demoted.change("schema.g").orElseThrow().reason());
        assertEquals(Optional.of("dependency_not_applied"), demoted.change("query.g.q").orElseThrow().reason());
        assertEquals(Optional.of("dependency_not_applied"), demoted.change("policy.p").orElseThrow().reason());
        assertEquals(Optional.of(ApplyDisposition.APPLIED), demoted.change("provider.embedding.e").orElseThrow().disposition());
        assertEquals(List.of(), demoted.catalogWrites());
        assertEquals(List.of(), demoted.graphCreates());
    }

    @Test
    void demotionReasonsPerFailedStep() {
        List<PlanChange> applied = List.of(PlanChange.update("graph.g", "1", "2").classified(ApplyDisposition.APPLIED, Optional.empty()),
                PlanChange.update("schema.g", "1", "2").classified(ApplyDisposition.APPLIED, Optional.empty()));
        List<PlanChange> schemaFailed = Demotion.demote(applied, Map.of("g", FailedGraphOrigin.SCHEMA_APPLY), EDGES);
        assertEquals(Optional.of("dependency_not_applied"), schemaFailed.get(0).reason());
        assertEquals(Optional.of("schema_apply_failed"), schemaFailed.get(1).reason());
        List<PlanChange> deleteFailed = Demotion.demote(applied, Map.of("g", FailedGraphOrigin.GRAPH_DELETE), EDGES);
        assertEquals(Optional.of("graph_delete_failed"), deleteFailed.get(0).reason());
        assertEquals(Optional.of("dependency_not_applied"), deleteFailed.get(1).reason());
        assertEquals(applied, Demotion.demote(applied, Map.of("other", FailedGraphOrigin.GRAPH_CREATE), EDGES));
    }

    @Test
    void skippedStepsWarnAtTheirResource() {
        assertEquals(ClusterDiagnostic.warning(ClusterCodes.GRAPH_CREATE_SKIPPED, "graph.g",
                "skipped after an earlier graph create failed in this run"), ApplyPlan.skipped(FailedGraphOrigin.GRAPH_CREATE, "g"));
        assertEquals("schema.g", ApplyPlan.skipped(FailedGraphOrigin.SCHEMA_APPLY, "g").path());
        assertEquals(ClusterCodes.GRAPH_DELETE_SKIPPED, ApplyPlan.skipped(FailedGraphOrigin.GRAPH_DELETE, "g").code());
    }

    @Test
    void blastRadiusListsDirectDependents() {
        assertEquals(List.of(new BlastRadius("graph.g", List.of("policy.p", "query.g.q", "schema.g")),
                        new BlastRadius("schema.g", List.of("query.g.q"))),
                BlastRadius.of(List.of(PlanChange.create("graph.g", "c"), PlanChange.create("schema.g", "s"),
                        PlanChange.create("policy.p", "p")), EDGES));
        assertEquals("{\"resource\":\"schema.g\",\"affected\":[\"query.g.q\"]}",
                new BlastRadius("schema.g", List.of("query.g.q")).toJson().toString());
    }
}
