package dev.omnigraph.domain.cluster.plan;

import dev.omnigraph.domain.cluster.ExternalBlobBase;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.ExternalBlobScope;
import dev.omnigraph.domain.cluster.config.DesiredCluster;
import dev.omnigraph.domain.cluster.state.ApprovalRecord;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.ClusterStateCodec;
import dev.omnigraph.domain.cluster.state.LifecycleStatus;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: the ledger is the publish point a server boots from; apply must record exactly
 * what ran, converge when everything ran, write nothing on a no-op re-apply, and never let a
 * blocked migration change the external Blob authority a graph is served with.
 */
class ApplyLedgerTransitionTest {

    private static ApplyLedgerTransition.Outcome applyAll(ClusterState ledger, DesiredCluster desired, Set<String> approved,
                                                          List<ApplyLedgerTransition.ExecutedDelete> deletes) {
        List<PlanChange> changes = DispositionClassifier.classify(PlanDiff.plan(Optional.of(ledger), desired),
                desired.dependencies(), Set.of(), approved);
        return ApplyLedgerTransition.next(ledger, changes, desired, deletes, Optional.of("andrew"), "t1");
    }

    @Test
    void aFreshApplyConvergesAndAReapplyWritesNothing() {
        DesiredCluster desired = PlanFixtures.desired();
        ClusterState imported = ClusterState.initialImport("cfg-old").withStateRevision(1);
        ApplyLedgerTransition.Outcome first = applyAll(imported, desired, Set.of(), List.of());
        assertTrue(first.converged());
        ClusterState applied = first.state();
        assertEquals(Optional.of(desired.configDigest()), applied.appliedRevision().configDigest());
        assertEquals(desired.resourceDigests(), applied.resourceDigests());
        assertEquals(Optional.of(List.of("graph.g")), applied.resource("policy.p").orElseThrow().appliesTo());
        assertEquals(Optional.of(PlanFixtures.PROFILE), applied.resource("provider.embedding.e").orElseThrow().embeddingProfile());
        assertEquals(Optional.of("provider.embedding.e"), applied.graphEmbeddingProvider("g"));
        assertEquals(List.of(), applied.integrityDiagnostics());
        assertTrue(applied.resourceStatuses().values().stream().allMatch(status -> status.equals(ResourceStatus.applied())));

        LedgerWrite write = LedgerWrite.decide(imported, applied);
        ClusterState written = ((LedgerWrite.Write) write).state();
        assertEquals(2, written.stateRevision());

        ApplyLedgerTransition.Outcome again = applyAll(written, desired, Set.of(), List.of());
        assertTrue(again.converged());
        assertInstanceOf(LedgerWrite.Unchanged.class, LedgerWrite.decide(written, again.state()));
        assertEquals(ClusterStateCodec.fileText(written), ClusterStateCodec.fileText(again.state()));
    }

    @Test
    void blockedChangesGetBlockedStatusesButRecoveryPendingOnesDoNot() {
        DesiredCluster desired = PlanFixtures.desired();
        ClusterState ledger = ClusterState.initialImport("cfg").edit()
                .status("query.g.q", ResourceStatus.of(LifecycleStatus.DRIFTED, "actual_applied_state_pending", "m"))
                .build();
        List<PlanChange> changes = List.of(
                PlanChange.create("policy.p", "pd").classified(ApplyDisposition.BLOCKED, Optional.of("dependency_not_applied")),
                PlanChange.create("query.g.q", "q1").classified(ApplyDisposition.BLOCKED, Optional.of("cluster_recovery_pending")),
                PlanChange.update("graph.g", "a", "b").classified(ApplyDisposition.DERIVED, Optional.empty()));
        ClusterState next = ApplyLedgerTransition.next(ledger, changes, desired, List.of(), Optional.empty(), "t").state();
        assertEquals(ResourceStatus.of(LifecycleStatus.BLOCKED, "dependency_not_applied",
                "waiting on an unapplied or missing dependency"), next.resourceStatuses().get("policy.p"));
        assertEquals(LifecycleStatus.DRIFTED, next.resourceStatuses().get("query.g.q").status(),
                "the sweep owns recovery statuses");
        assertFalse(next.resourceStatuses().containsKey("graph.g"));
        assertTrue(next.resources().isEmpty());
    }

    @Test
    void anExecutedDeleteTombstonesAndConsumesItsApproval() {
        DesiredCluster desired = PlanFixtures.desired();
        ClusterState applied = applyAll(ClusterState.initialImport("c"), desired, Set.of(), List.of()).state();
        DesiredCluster empty = new DesiredCluster("cfg-empty", desired.settings(), Map.of(), List.of(), Map.of(),
                List.of(), List.of(), Map.of());
        ApplyLedgerTransition.Outcome outcome = applyAll(applied, empty, Set.of("graph.g"),
                List.of(new ApplyLedgerTransition.ExecutedDelete("g", Optional.of("01A"))));
        assertTrue(outcome.converged());
        assertTrue(outcome.state().resources().isEmpty());
        assertEquals(new ApprovalRecord("t1", "apply"), outcome.state().approvalRecords().get("01A"));
        assertEquals("{\"kind\":\"tombstone\",\"deleted_at\":\"t1\",\"approval_id\":\"01A\",\"actor\":\"andrew\"}",
                outcome.state().observations().get("graph.g").toString());
        assertEquals(Optional.of("cfg-empty"), outcome.state().appliedRevision().configDigest());
    }

    @Test
    void anUnapprovedDeleteDoesNotConverge() {
        DesiredCluster desired = PlanFixtures.desired();
        ClusterState applied = applyAll(ClusterState.initialImport("c"), desired, Set.of(), List.of()).state();
        DesiredCluster empty = new DesiredCluster("cfg-empty", desired.settings(), Map.of(), List.of(), Map.of(),
                List.of(), List.of(), Map.of());
        ApplyLedgerTransition.Outcome outcome = applyAll(applied, empty, Set.of(), List.of());
        assertFalse(outcome.converged());
        assertEquals(Optional.of(desired.configDigest()), outcome.state().appliedRevision().configDigest(),
                "the last converged config digest stays");
        assertTrue(outcome.state().resource("graph.g").isPresent());
        assertEquals(LifecycleStatus.BLOCKED, outcome.state().resourceStatuses().get("graph.g").status());
    }

    @Test
    void aBlockedSchemaChangeKeepsTheRecordedExternalBlobPolicy() {
        ExternalBlobPolicy allow = new ExternalBlobPolicy.Allow(List.of(
                new ExternalBlobBase("s3://assets/g/", ExternalBlobScope.SERVER_SAFE)));
        ClusterState applied = applyAll(ClusterState.initialImport("c"), PlanFixtures.desired(), Set.of(), List.of()).state();
        DesiredCluster widened = PlanFixtures.desired("s2", "q1", allow);
        List<PlanChange> changes = DispositionClassifier.classify(PlanDiff.plan(Optional.of(applied), widened),
                widened.dependencies(), Set.of(), Set.of());
        List<PlanChange> failed = Demotion.demote(changes, Map.of("g", FailedGraphOrigin.SCHEMA_APPLY), widened.dependencies());
        ClusterState next = ApplyLedgerTransition.next(applied, failed, widened, List.of(), Optional.empty(), "t").state();
        assertEquals(ExternalBlobPolicy.DENY, next.graphExternalBlobPolicy("g"));
        assertEquals(List.of(), next.integrityDiagnostics());

        ClusterState succeeded = ApplyLedgerTransition.next(applied, changes, widened, List.of(), Optional.empty(), "t").state();
        assertEquals(allow, succeeded.graphExternalBlobPolicy("g"));
        assertEquals(widened.resourceDigests().get("graph.g"), succeeded.resource("graph.g").orElseThrow().digest());
    }
}
