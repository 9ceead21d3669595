package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.Dependency;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Why this exists: the disposition table decides what an apply run may execute — in particular
 * that nothing irreversible runs without an approval and that nothing touches a graph with a
 * pending recovery. One test per row of the reference's table (behavioural notes 4.2).
 */
class DispositionClassifierTest {

    private static final List<Dependency> EDGES = List.of(
            new Dependency("policy.p", "graph.g"),
            new Dependency("query.g.q", "graph.g"),
            new Dependency("schema.g", "graph.g"));

    private static PlanChange classify(List<PlanChange> changes, String resource, Set<String> pending, Set<String> approved) {
        return DispositionClassifier.classify(changes, EDGES, pending, approved).stream()
                .filter(change -> change.resource().equals(resource)).findFirst().orElseThrow();
    }

    private static void assertDisposition(ApplyDisposition disposition, String reason, PlanChange change) {
        assertEquals(Optional.of(disposition), change.disposition(), change.toString());
        assertEquals(Optional.ofNullable(reason), change.reason(), change.toString());
    }

    private static final PlanChange GRAPH_CREATE = PlanChange.create("graph.g", "c");
    private static final PlanChange SCHEMA_CREATE = PlanChange.create("schema.g", "s");
    private static final PlanChange SCHEMA_UPDATE = PlanChange.update("schema.g", "s1", "s2");
    private static final PlanChange SCHEMA_DELETE = PlanChange.delete("schema.g", "s");
    private static final PlanChange GRAPH_UPDATE = PlanChange.update("graph.g", "c1", "c2");
    private static final PlanChange GRAPH_DELETE = PlanChange.delete("graph.g", "c");
    private static final PlanChange QUERY_CREATE = PlanChange.create("query.g.q", "q");
    private static final PlanChange QUERY_DELETE = PlanChange.delete("query.g.q", "q");
    private static final PlanChange POLICY_UPDATE = PlanChange.update("policy.p", "p1", "p2");

    @Test
    void schemaCreatePairedWithGraphCreateIsApplied() {
        assertDisposition(ApplyDisposition.APPLIED, null,
                classify(List.of(GRAPH_CREATE, SCHEMA_CREATE), "schema.g", Set.of(), Set.of()));
        assertDisposition(ApplyDisposition.APPLIED, null,
                classify(List.of(GRAPH_CREATE, SCHEMA_CREATE), "graph.g", Set.of(), Set.of()));
    }

    @Test
    void schemaUpdateIsAppliedUnlessTheGraphIsPending() {
        assertDisposition(ApplyDisposition.APPLIED, null, classify(List.of(SCHEMA_UPDATE), "schema.g", Set.of(), Set.of()));
        assertDisposition(ApplyDisposition.BLOCKED, "cluster_recovery_pending",
                classify(List.of(SCHEMA_UPDATE), "schema.g", Set.of("g"), Set.of()));
        assertDisposition(ApplyDisposition.BLOCKED, "cluster_recovery_pending",
                classify(List.of(GRAPH_CREATE, SCHEMA_CREATE), "schema.g", Set.of("g"), Set.of()));
    }

    @Test
    void schemaDeleteWithItsGraphRidesTheApprovedDelete() {
        List<PlanChange> subtree = List.of(GRAPH_DELETE, QUERY_DELETE, SCHEMA_DELETE);
        assertDisposition(ApplyDisposition.APPLIED, null, classify(subtree, "schema.g", Set.of(), Set.of("graph.g")));
        assertDisposition(ApplyDisposition.BLOCKED, "cluster_recovery_pending",
                classify(subtree, "schema.g", Set.of("g"), Set.of("graph.g")));
        assertDisposition(ApplyDisposition.BLOCKED, "approval_required", classify(subtree, "schema.g", Set.of(), Set.of()));
    }

    @Test
    void schemaCreateWithoutAGraphCreateIsBlockedEvenWithNothingPending() {
        assertDisposition(ApplyDisposition.BLOCKED, "cluster_recovery_pending",
                classify(List.of(SCHEMA_CREATE, QUERY_CREATE), "schema.g", Set.of(), Set.of()));
        assertDisposition(ApplyDisposition.BLOCKED, "dependency_not_applied",
                classify(List.of(SCHEMA_CREATE, QUERY_CREATE), "query.g.q", Set.of(), Set.of()),
                "the schema-create quirk also makes the graph schema-pending");
    }

    @Test
    void standaloneSchemaDeleteIsDeferred() {
        assertDisposition(ApplyDisposition.DEFERRED, "apply_unsupported_kind",
                classify(List.of(SCHEMA_DELETE), "schema.g", Set.of(), Set.of()));
    }

    @Test
    void graphCreateIsAppliedUnlessPending() {
        assertDisposition(ApplyDisposition.APPLIED, null, classify(List.of(GRAPH_CREATE), "graph.g", Set.of(), Set.of()));
        assertDisposition(ApplyDisposition.BLOCKED, "cluster_recovery_pending",
                classify(List.of(GRAPH_CREATE), "graph.g", Set.of("g"), Set.of()));
    }

    @Test
    void graphUpdateIsDerivedUnlessItsSchemaIsPending() {
        assertDisposition(ApplyDisposition.DERIVED, null,
                classify(List.of(GRAPH_UPDATE, SCHEMA_UPDATE), "graph.g", Set.of(), Set.of()));
        assertDisposition(ApplyDisposition.DEFERRED, "apply_unsupported_kind",
                classify(List.of(GRAPH_UPDATE, SCHEMA_DELETE), "graph.g", Set.of(), Set.of()));
    }

    @Test
    void graphDeleteNeedsApprovalAndNoPendingRecovery() {
        assertDisposition(ApplyDisposition.APPLIED, null, classify(List.of(GRAPH_DELETE), "graph.g", Set.of(), Set.of("graph.g")));
        assertDisposition(ApplyDisposition.BLOCKED, "approval_required", classify(List.of(GRAPH_DELETE), "graph.g", Set.of(), Set.of()));
        assertDisposition(ApplyDisposition.BLOCKED, "cluster_recovery_pending",
                classify(List.of(GRAPH_DELETE), "graph.g", Set.of("g"), Set.of("graph.g")));
    }

    @Test
    void queryDeletes() {
        assertDisposition(ApplyDisposition.APPLIED, null,
                classify(List.of(GRAPH_DELETE, QUERY_DELETE), "query.g.q", Set.of(), Set.of("graph.g")));
        assertDisposition(ApplyDisposition.BLOCKED, "approval_required",
                classify(List.of(GRAPH_DELETE, QUERY_DELETE), "query.g.q", Set.of(), Set.of()));
        assertDisposition(ApplyDisposition.APPLIED, null, classify(List.of(QUERY_DELETE), "query.g.q", Set.of(), Set.of()));
    }

    @Test
    void queryCreatesAndUpdates() {
        assertDisposition(ApplyDisposition.BLOCKED, "cluster_recovery_pending",
                classify(List.of(QUERY_CREATE), "query.g.q", Set.of("g"), Set.of()));
        assertDisposition(ApplyDisposition.BLOCKED, "dependency_not_applied",
                classify(List.of(SCHEMA_DELETE, QUERY_CREATE), "query.g.q", Set.of(), Set.of()));
        assertDisposition(ApplyDisposition.APPLIED, null,
                classify(List.of(GRAPH_CREATE, SCHEMA_CREATE, QUERY_CREATE), "query.g.q", Set.of(), Set.of()),
                "a same-run graph create no longer blocks");
    }

    @Test
    void policies() {
        assertDisposition(ApplyDisposition.APPLIED, null,
                classify(List.of(PlanChange.delete("policy.p", "p")), "policy.p", Set.of("g"), Set.of()));
        assertDisposition(ApplyDisposition.BLOCKED, "cluster_recovery_pending",
                classify(List.of(POLICY_UPDATE), "policy.p", Set.of("g"), Set.of()));
        assertDisposition(ApplyDisposition.APPLIED, null, classify(List.of(POLICY_UPDATE), "policy.p", Set.of(), Set.of()));
    }

    @Test
    void providersAreAlwaysAppliedAndUnknownAddressesDeferred() {
        assertDisposition(ApplyDisposition.APPLIED, null, classify(List.of(PlanChange.delete("provider.embedding.e", "e")),
                "provider.embedding.e", Set.of("g"), Set.of()));
        assertDisposition(ApplyDisposition.DEFERRED, "apply_unsupported_kind",
                classify(List.of(PlanChange.create("pipeline.x", "x")), "pipeline.x", Set.of(), Set.of()));
    }

    private static void assertDisposition(ApplyDisposition disposition, String reason, PlanChange change, String why) {
        assertEquals(Optional.of(disposition), change.disposition(), why);
        assertEquals(Optional.ofNullable(reason), change.reason(), why);
    }
}
