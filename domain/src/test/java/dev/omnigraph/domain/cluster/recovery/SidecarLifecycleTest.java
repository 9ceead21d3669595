package dev.omnigraph.domain.cluster.recovery;

import dev.omnigraph.domain.cluster.ClusterCodes;
import dev.omnigraph.domain.cluster.state.RecoverySidecarKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why this exists: a sidecar deleted too early hides a moved graph from the sweep; one kept
 * forever quarantines a healthy graph (the crash-loop PR #284 fixed). The table is the contract.
 */
class SidecarLifecycleTest {

    @Test
    void onlyNothingMovedFailuresDeleteBeforeTheStateWrite() {
        assertEquals(Optional.of(SidecarPhase.DELETED), SidecarLifecycle.next(RecoverySidecarKind.GRAPH_CREATE,
                SidecarPhase.ARMED, SidecarEvent.SOURCE_CHANGED));
        assertEquals(Optional.of(SidecarPhase.DELETED), SidecarLifecycle.next(RecoverySidecarKind.SCHEMA_APPLY,
                SidecarPhase.ARMED, SidecarEvent.ENGINE_FAILED_NOTHING_MOVED));
        assertEquals(Optional.empty(), SidecarLifecycle.next(RecoverySidecarKind.GRAPH_DELETE,
                SidecarPhase.ARMED, SidecarEvent.ENGINE_FAILED_NOTHING_MOVED));
        assertEquals(Optional.empty(), SidecarLifecycle.next(RecoverySidecarKind.SCHEMA_APPLY,
                SidecarPhase.ARMED, SidecarEvent.SOURCE_CHANGED));
    }

    @ParameterizedTest
    @EnumSource(RecoverySidecarKind.class)
    void successIsDeletedOnlyAfterTheLedgerWriteLands(RecoverySidecarKind kind) {
        SidecarPhase afterSuccess = SidecarLifecycle.next(kind, SidecarPhase.ARMED, SidecarEvent.ENGINE_SUCCEEDED).orElseThrow();
        assertEquals(SidecarPhase.AWAITING_STATE_WRITE, afterSuccess);
        assertEquals(Optional.of(SidecarPhase.KEPT), SidecarLifecycle.next(kind, afterSuccess, SidecarEvent.CRASHED));
        assertEquals(Optional.of(SidecarPhase.KEPT), SidecarLifecycle.next(kind, afterSuccess, SidecarEvent.STATE_WRITE_FAILED));
        assertEquals(Optional.of(SidecarPhase.DELETED), SidecarLifecycle.next(kind, afterSuccess, SidecarEvent.STATE_WRITTEN));
        assertEquals(Optional.of(SidecarPhase.KEPT), SidecarLifecycle.next(kind, SidecarPhase.ARMED,
                SidecarEvent.ENGINE_FAILED_MAY_HAVE_MOVED));
        assertEquals(Optional.of(SidecarPhase.AWAITING_STATE_WRITE), SidecarLifecycle.next(kind, SidecarPhase.KEPT,
                SidecarEvent.SWEEP_COMPLETED));
        assertEquals(Optional.of(SidecarPhase.KEPT), SidecarLifecycle.next(kind, SidecarPhase.KEPT, SidecarEvent.SWEEP_PENDING));
        assertEquals(Optional.empty(), SidecarLifecycle.next(kind, SidecarPhase.DELETED, SidecarEvent.STATE_WRITTEN));
    }

    @Test
    void theTableIsDeterministicAndOnlyDeletesAreNeverRewritten() {
        Set<String> keys = new HashSet<>();
        for (SidecarLifecycle.Transition transition : SidecarLifecycle.TRANSITIONS) {
            assertTrue(keys.add(transition.kind() + "/" + transition.from() + "/" + transition.event()),
                    "duplicate transition " + transition);
            assertFalse(transition.why().isBlank());
        }
        assertTrue(SidecarLifecycle.rewrittenAfterSuccess(RecoverySidecarKind.GRAPH_CREATE));
        assertTrue(SidecarLifecycle.rewrittenAfterSuccess(RecoverySidecarKind.SCHEMA_APPLY));
        assertFalse(SidecarLifecycle.rewrittenAfterSuccess(RecoverySidecarKind.GRAPH_DELETE));
    }

    @Test
    void aFailedEagerCleanupIsAWarningNamingTheQuarantinedGraph() {
        var warning = SidecarLifecycle.cleanupFailed("/r/__cluster/recoveries/01.json", "k", "denied");
        assertEquals(ClusterCodes.RECOVERY_SIDECAR_CLEANUP_FAILED, warning.code());
        assertFalse(warning.isError());
        assertTrue(warning.message().contains("graph `k` stays quarantined") && warning.message().endsWith(": denied"));
    }
}
