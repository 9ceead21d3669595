package dev.omnigraph.domain.cluster.recovery;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ExternalBlobPolicy;
import dev.omnigraph.domain.cluster.state.ApprovalRecord;
import dev.omnigraph.domain.cluster.state.ClusterState;
import dev.omnigraph.domain.cluster.state.LifecycleStatus;
import dev.omnigraph.domain.cluster.state.RecoveryRecord;
import dev.omnigraph.domain.cluster.state.RecoverySidecar;
import dev.omnigraph.domain.cluster.state.RecoverySidecarKind;
import dev.omnigraph.domain.cluster.state.ResourceStatus;
import dev.omnigraph.domain.cluster.state.StateResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: the sweep is the only thing standing between a crash mid-apply and a ledger
 * that lies about a graph. Each classifier row of the reference (behavioural notes 5.4) is pinned
 * here with its ledger effect, its diagnostic, whether the sidecar is retired and whether the
 * graph becomes pending.
 */
class RecoverySweepTest {

    private static final String LOCATION = "/root/__cluster/recoveries/01OP.json";

    private static RecoverySidecar create() {
        return RecoverySidecar.graphCreate("01OP", "t0", Optional.of("andrew"), "k", "/root/graphs/k.omni", "desired",
                Optional.empty());
    }

    private static RecoverySidecar schemaApply() {
        return RecoverySidecar.schemaApply("01OP", "t0", Optional.empty(), "k", "/root/graphs/k.omni", OptionalLong.of(4),
                "desired", Optional.empty());
    }

    private static RecoverySidecar delete() {
        return RecoverySidecar.graphDelete("01OP", "t0", Optional.of("andrew"), "k", "/root/graphs/k.omni",
                OptionalLong.of(9), Optional.empty(), Optional.of("01APPROVAL"));
    }

    /** A ledger with graph k applied at schema {@code recorded}, one query, a bound composite. */
    private static ClusterState ledger(String recorded) {
        ClusterState.Editor editor = ClusterState.initialImport("cfg").edit()
                .putResource("schema.k", StateResource.of(recorded))
                .putResource("query.k.q", StateResource.of("qd"))
                .putResource("policy.p", StateResource.of("pd"));
        ClusterState partial = editor.snapshot();
        return editor.putResource("graph.k", StateResource.of(partial.graphComposite("k", Optional.of(recorded),
                Optional.empty(), ExternalBlobPolicy.DENY))).build();
    }

    private static SweepOutcome sweep(ClusterState ledger, RecoverySidecar sidecar, GraphRootObservation root) {
        return RecoverySweep.run(ledger, List.of(new SweptSidecar(LOCATION, sidecar, root)), "t1");
    }

    private static void assertRetiredNotPending(SweepOutcome outcome) {
        assertEquals(List.of(LOCATION), outcome.completedSidecars());
        assertEquals(Set.of(), outcome.pendingGraphs());
    }

    private static void assertKeptAndPending(SweepOutcome outcome) {
        assertEquals(List.of(), outcome.completedSidecars());
        assertEquals(Set.of("k"), outcome.pendingGraphs());
    }

    @Test
    void row1CreateWithNoRootRetiresTheIntent() {
        ClusterState before = ClusterState.initialImport("cfg");
        SweepOutcome outcome = sweep(before, create(), new GraphRootObservation.Absent());
        assertEquals(SweepRow.CREATE_ROOT_ABSENT, outcome.rows().get(LOCATION));
        assertRetiredNotPending(outcome);
        assertEquals(before, outcome.state());
        assertEquals(List.of(), outcome.diagnostics());
    }

    @Test
    void row2CreateAlreadyRecordedRetiresWithoutAudit() {
        SweepOutcome outcome = sweep(ledger("desired"), create(), new GraphRootObservation.Opened("desired"));
        assertEquals(SweepRow.CREATE_ALREADY_RECORDED, outcome.rows().get(LOCATION));
        assertRetiredNotPending(outcome);
        assertEquals(ledger("desired"), outcome.state());
        assertTrue(outcome.state().recoveryRecords().isEmpty());
    }

    @Test
    void row4CreateLandedButUnrecordedRollsForward() {
        ClusterState before = ClusterState.initialImport("cfg").edit().putResource("query.k.q", StateResource.of("qd")).build();
        SweepOutcome outcome = sweep(before, create(), new GraphRootObservation.Opened("desired"));
        assertEquals(SweepRow.CREATE_ROLLED_FORWARD, outcome.rows().get(LOCATION));
        assertRetiredNotPending(outcome);
        ClusterState after = outcome.state();
        assertEquals(Optional.of("desired"), after.schemaDigest("k"));
        assertEquals(after.graphComposite("k", Optional.of("desired"), Optional.empty(), ExternalBlobPolicy.DENY),
                after.resource("graph.k").orElseThrow().digest(), "the composite includes the ledger's query");
        assertEquals(List.of(), after.integrityDiagnostics());
        assertEquals(ResourceStatus.applied(), after.resourceStatuses().get("graph.k"));
        assertEquals(ResourceStatus.applied(), after.resourceStatuses().get("schema.k"));
        assertEquals(RecoveryRecord.rolledForward(RecoverySidecarKind.GRAPH_CREATE, "k", "t1", Optional.of("andrew")),
                after.recoveryRecords().get("01OP"));
        assertEquals(List.of(ClusterDiagnostic.warning(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD, "graph.k",
                "an interrupted graph create had completed on the graph; cluster state was rolled forward to match")),
                outcome.diagnostics());
    }

    @Test
    void row5PartialRootIsAnErrorAndNeverAutoDeleted() {
        SweepOutcome outcome = sweep(ClusterState.initialImport("cfg"), create(),
                new GraphRootObservation.Unopenable("manifest missing"));
        assertEquals(SweepRow.CREATE_PARTIAL_ROOT, outcome.rows().get(LOCATION));
        assertKeptAndPending(outcome);
        ResourceStatus status = outcome.state().resourceStatuses().get("graph.k");
        assertEquals(ResourceStatus.of(LifecycleStatus.ERROR, "graph_create_incomplete",
                "graph root exists but cannot be opened; remove the graph root and re-run `cluster apply`"), status);
        assertEquals(status, outcome.state().resourceStatuses().get("schema.k"));
        assertEquals(List.of(ClusterDiagnostic.error(ClusterCodes.GRAPH_CREATE_INCOMPLETE, "graph.k",
                "graph root '/root/graphs/k.omni' exists but cannot be opened (manifest missing); remove the graph root "
                        + "and re-run `cluster apply`")), outcome.diagnostics());
    }

    @Test
    void row6CreateWithUnexpectedSchemaIsDriftedAndPending() {
        SweepOutcome outcome = sweep(ledger("recorded"), create(), new GraphRootObservation.Opened("somebody-else"));
        assertEquals(SweepRow.CREATE_UNEXPECTED_STATE, outcome.rows().get(LOCATION));
        assertKeptAndPending(outcome);
        assertEquals(ResourceStatus.of(LifecycleStatus.DRIFTED, "actual_applied_state_pending",
                "graph state does not match the interrupted operation; run `cluster refresh` and re-plan"),
                outcome.state().resourceStatuses().get("schema.k"));
        assertEquals(Optional.of("recorded"), outcome.state().schemaDigest("k"), "nothing is guessed");
        assertEquals(ClusterCodes.CLUSTER_RECOVERY_PENDING, outcome.diagnostics().get(0).code());
        assertFalse(outcome.diagnostics().get(0).isError());
    }

    @Test
    void schemaRows1And2StaleIntentRetires() {
        SweepOutcome outcome = sweep(ledger("recorded"), schemaApply(), new GraphRootObservation.Opened("recorded"));
        assertEquals(SweepRow.SCHEMA_STALE_INTENT, outcome.rows().get(LOCATION));
        assertRetiredNotPending(outcome);
        assertEquals(ledger("recorded"), outcome.state());
    }

    @Test
    void schemaRow3RollsForwardKeepingTheGraphsMetadata() {
        SweepOutcome outcome = sweep(ledger("recorded"), schemaApply(), new GraphRootObservation.Opened("desired"));
        assertEquals(SweepRow.SCHEMA_ROLLED_FORWARD, outcome.rows().get(LOCATION));
        assertRetiredNotPending(outcome);
        assertEquals(Optional.of("desired"), outcome.state().schemaDigest("k"));
        assertEquals(List.of(), outcome.state().integrityDiagnostics());
        assertEquals(RecoverySidecarKind.SCHEMA_APPLY, outcome.state().recoveryRecords().get("01OP").kind());
        assertEquals(Optional.empty(), outcome.state().recoveryRecords().get("01OP").actor());
        assertTrue(outcome.diagnostics().get(0).message().startsWith("an interrupted schema apply had completed"));
    }

    @Test
    void schemaRow6IsDriftedAndPending() {
        SweepOutcome outcome = sweep(ledger("recorded"), schemaApply(), new GraphRootObservation.Opened("other"));
        assertEquals(SweepRow.SCHEMA_UNEXPECTED_STATE, outcome.rows().get(LOCATION));
        assertKeptAndPending(outcome);
        assertEquals(LifecycleStatus.DRIFTED, outcome.state().resourceStatuses().get("graph.k").status());
    }

    @Test
    void schemaUnverifiableChangesNoStatusButIsPending() {
        SweepOutcome outcome = sweep(ledger("recorded"), schemaApply(), new GraphRootObservation.Unopenable("io"));
        assertEquals(SweepRow.SCHEMA_UNVERIFIABLE, outcome.rows().get(LOCATION));
        assertKeptAndPending(outcome);
        assertEquals(ledger("recorded"), outcome.state());
        assertEquals(List.of(ClusterDiagnostic.warning(ClusterCodes.CLUSTER_RECOVERY_PENDING, "graph.k",
                "an interrupted schema apply cannot be verified (graph '/root/graphs/k.omni' did not open: io); "
                        + "graph-moving work is blocked until repaired")), outcome.diagnostics());
        assertEquals(SweepRow.SCHEMA_UNVERIFIABLE,
                sweep(ledger("recorded"), schemaApply(), new GraphRootObservation.Absent()).rows().get(LOCATION));
    }

    @Test
    void row7DeleteAlreadyTombstonedRetires() {
        ClusterState before = ClusterState.initialImport("cfg");
        SweepOutcome outcome = sweep(before, delete(), new GraphRootObservation.Absent());
        assertEquals(SweepRow.DELETE_ALREADY_TOMBSTONED, outcome.rows().get(LOCATION));
        assertRetiredNotPending(outcome);
        assertEquals(before, outcome.state());
    }

    @Test
    void row7bDeleteLandedButUnrecordedRollsTheTombstoneForwardAndConsumesTheApproval() {
        SweepOutcome outcome = sweep(ledger("recorded"), delete(), new GraphRootObservation.Absent());
        assertEquals(SweepRow.DELETE_ROLLED_FORWARD, outcome.rows().get(LOCATION));
        assertRetiredNotPending(outcome);
        ClusterState after = outcome.state();
        assertEquals(List.of("policy.p"), List.copyOf(after.resources().keySet()));
        assertEquals(new ApprovalRecord("t1", "01OP"), after.approvalRecords().get("01APPROVAL"));
        assertEquals(List.of("01APPROVAL"), outcome.consumedApprovals());
        assertEquals(RecoverySidecarKind.GRAPH_DELETE, after.recoveryRecords().get("01OP").kind());
        assertEquals("{\"kind\":\"tombstone\",\"deleted_at\":\"t1\",\"approval_id\":\"01APPROVAL\",\"actor\":\"andrew\"}",
                after.observations().get("graph.k").toString());
        assertEquals(ClusterCodes.CLUSTER_RECOVERY_ROLLED_FORWARD, outcome.diagnostics().get(0).code());
    }

    @Test
    void row8DeleteIncompleteRetiresWithoutPending() {
        for (GraphRootObservation present : List.of(new GraphRootObservation.Opened("x"),
                new GraphRootObservation.Unopenable("partial"))) {
            SweepOutcome outcome = sweep(ledger("recorded"), delete(), present);
            assertEquals(SweepRow.DELETE_INCOMPLETE, outcome.rows().get(LOCATION));
            assertRetiredNotPending(outcome);
            assertEquals(ledger("recorded"), outcome.state(), "no drifted status, unlike the RFC text");
            assertEquals(List.of(ClusterDiagnostic.warning(ClusterCodes.GRAPH_DELETE_INCOMPLETE, "graph.k",
                    "a previous graph delete did not complete; it will be re-proposed by plan and can be retried under "
                            + "its approval")), outcome.diagnostics());
        }
    }

    @Test
    void sidecarsAreSweptInFileNameOrderAgainstTheLedgerSweptSoFar() {
        RecoverySidecar createLater = RecoverySidecar.graphCreate("02OP", "t0", Optional.empty(), "k", "u", "desired",
                Optional.empty());
        SweepOutcome outcome = RecoverySweep.run(ClusterState.initialImport("cfg"), List.of(
                new SweptSidecar("r/02OP.json", createLater, new GraphRootObservation.Opened("desired")),
                new SweptSidecar("r/01OP.json", create(), new GraphRootObservation.Opened("desired"))), "t1");
        assertEquals(SweepRow.CREATE_ROLLED_FORWARD, outcome.rows().get("r/01OP.json"));
        assertEquals(SweepRow.CREATE_ALREADY_RECORDED, outcome.rows().get("r/02OP.json"));
        assertEquals(List.of("r/01OP.json", "r/02OP.json"), outcome.completedSidecars());
    }

    @Test
    void everyRowBelongsToOneKindAndHasItsRfcNumber() {
        assertEquals("7b", SweepRow.DELETE_ROLLED_FORWARD.number());
        assertEquals("x", SweepRow.SCHEMA_UNVERIFIABLE.number());
        for (SweepRow row : SweepRow.values()) {
            assertFalse(row.retiresSidecar() && row.marksPending(), row + " cannot both retire and keep");
        }
    }
}
