package dev.omnigraph.domain.graph.recovery;

import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.AUTHORITY;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.COMMIT;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.KNOWS;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.OPERATION;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.OTHER_HEAD;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.PERSON;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.ROLLBACK_COMMIT;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.armed;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.armedOnBranch;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.branchPin;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.confirmedAtNext;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.heads;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.pin;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.unchangedManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.graph.recovery.SweepDecision.Abort;
import dev.omnigraph.domain.graph.recovery.SweepDecision.AbandonUnapplied;
import dev.omnigraph.domain.graph.recovery.SweepDecision.AlreadyPublished;
import dev.omnigraph.domain.graph.recovery.SweepDecision.AlreadyRolledBack;
import dev.omnigraph.domain.graph.recovery.SweepDecision.OrphanedBranchDiscarded;
import dev.omnigraph.domain.graph.recovery.SweepDecision.RecoveryRequired;
import dev.omnigraph.domain.graph.recovery.SweepDecision.RollBack;
import dev.omnigraph.domain.graph.recovery.SweepDecision.RollForward;
import dev.omnigraph.domain.graph.recovery.SweepDecision.TableRestore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sweep's decision is the last line between an interrupted write and the published graph. It must publish a
 * writer's effects only when every table carries them (a partial publish breaks atomicity), restore only what moved,
 * never let a live process restore (a restore orphans a concurrent append), and stop when the evidence is impossible
 * or ambiguous. Each test is one row of the decision table in {@link SweepClassifier}, in both sweep modes.
 */
class SweepClassifierTest {

    private static final Map<String, Long> PUBLISHED_AT_EXPECTED = Map.of(PERSON, 3L, KNOWS, 7L);

    // ---- bookkeeping rows: branch gone, commit already in the lineage ----------------------------------------

    @ParameterizedTest
    @EnumSource(SweepMode.class)
    void a_sidecar_for_a_deleted_branch_is_discarded_without_looking_at_tables(SweepMode mode) {
        RecoverySidecar sidecar = armedOnBranch("feature", WriterKind.MUTATION, branchPin(PERSON, 3, "feature"));
        SweepDecision decision = SweepClassifier.classify(sidecar, ManifestObservation.branchDeleted(), Map.of(), mode);
        assertEquals(new OrphanedBranchDiscarded("feature"), decision);
        assertEquals(Optional.of(RecoveryKind.ORPHANED_BRANCH_DISCARDED), decision.recoveryKind());
        assertEquals(List.of(), decision.auditOutcomes());
        assertTrue(decision.deletesSidecar());
    }

    @ParameterizedTest
    @EnumSource(SweepMode.class)
    void a_published_commit_only_needs_its_audit_row_and_delete(SweepMode mode) {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.MUTATION, pin(PERSON, 3), pin(KNOWS, 7)));
        ManifestObservation manifest = ManifestObservation.live(13, Optional.of(COMMIT), Map.of(PERSON, 4L, KNOWS, 8L))
                .withGraphCommitPublished();
        SweepDecision decision = SweepClassifier.classify(sidecar, manifest, heads(PERSON, 4, KNOWS, 8), mode);
        assertEquals(new AlreadyPublished(COMMIT, List.of(new TableOutcome(PERSON, 3, 4), new TableOutcome(KNOWS, 7, 8))),
                decision);
        assertEquals(Optional.of(RecoveryKind.ROLLED_FORWARD), decision.recoveryKind());
    }

    @Test
    void an_unconfirmed_published_writer_reports_the_versions_the_manifest_now_publishes() {
        RecoverySidecar optimize = armed(WriterKind.OPTIMIZE, pin(PERSON, 3));
        ManifestObservation manifest = unchangedManifest(Map.of(PERSON, 9L)).withGraphCommitPublished();
        AlreadyPublished decision = assertInstanceOf(AlreadyPublished.class,
                SweepClassifier.classify(optimize, manifest, heads(PERSON, 9), SweepMode.FULL));
        assertEquals(List.of(new TableOutcome(PERSON, 3, 9)), decision.auditOutcomes());
    }

    @ParameterizedTest
    @EnumSource(SweepMode.class)
    void a_published_roll_back_is_finished_with_its_persisted_outcomes(SweepMode mode) {
        List<TableOutcome> plan = List.of(new TableOutcome(PERSON, 4, 3));
        RecoverySidecar sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3)).withRollbackAuditOutcomes(plan);
        ManifestObservation manifest = unchangedManifest(Map.of(PERSON, 5L)).withRollbackCommitPublished();
        assertEquals(new AlreadyRolledBack(ROLLBACK_COMMIT, plan),
                SweepClassifier.classify(sidecar, manifest, heads(PERSON, 5), mode));
    }

    @ParameterizedTest
    @EnumSource(SweepMode.class)
    void a_published_roll_back_without_a_persisted_plan_is_not_guessed(SweepMode mode) {
        RecoverySidecar sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3));
        ManifestObservation manifest = unchangedManifest(Map.of(PERSON, 5L)).withRollbackCommitPublished();
        Abort decision = assertInstanceOf(Abort.class, SweepClassifier.classify(sidecar, manifest, heads(PERSON, 5), mode));
        assertTrue(decision.reason().contains("no persisted roll-back outcomes"), decision.reason());
        assertFalse(decision.deletesSidecar());
    }

    @ParameterizedTest
    @EnumSource(SweepMode.class)
    void both_outcomes_in_the_lineage_is_ambiguous(SweepMode mode) {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.MUTATION, pin(PERSON, 3)));
        ManifestObservation manifest = unchangedManifest(Map.of(PERSON, 4L)).withGraphCommitPublished()
                .withRollbackCommitPublished();
        Abort decision = assertInstanceOf(Abort.class, SweepClassifier.classify(sidecar, manifest, heads(PERSON, 4), mode));
        assertEquals(OPERATION, decision.operationId());
        assertTrue(decision.reason().contains("ambiguous"), decision.reason());
    }

    // ---- impossible states ----------------------------------------------------------------------------------

    @Test
    void a_head_below_its_published_version_aborts_a_full_sweep_and_defers_a_heal() {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.MUTATION, pin(PERSON, 3), pin(KNOWS, 7)));
        Map<String, TableObservation> observed = heads(PERSON, 2, KNOWS, 8);
        Abort abort = assertInstanceOf(Abort.class, SweepClassifier.classify(sidecar,
                unchangedManifest(PUBLISHED_AT_EXPECTED), observed, SweepMode.FULL));
        assertTrue(abort.reason().contains("node:Person head=2 published=3"), abort.reason());
        assertTrue(abort.reason().contains("operator review"), abort.reason());
        RecoveryRequired deferred = assertInstanceOf(RecoveryRequired.class, SweepClassifier.classify(sidecar,
                unchangedManifest(PUBLISHED_AT_EXPECTED), observed, SweepMode.ROLL_FORWARD_ONLY));
        assertTrue(deferred.reason().contains("reopen the graph read-write"), deferred.reason());
    }

    @Test
    void a_published_table_whose_main_ref_vanished_is_an_invariant_violation() {
        RecoverySidecar sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3));
        assertInstanceOf(Abort.class, SweepClassifier.classify(sidecar, unchangedManifest(Map.of(PERSON, 3L)),
                heads(PERSON, null), SweepMode.FULL));
    }

    @Test
    void a_confirmed_branch_ref_that_vanished_is_an_invariant_violation() {
        RecoverySidecar sidecar = confirmedAtNext(armedOnBranch("feature", WriterKind.MUTATION, branchPin(PERSON, 3, "feature")));
        assertInstanceOf(Abort.class, SweepClassifier.classify(sidecar, unchangedManifest(Map.of(PERSON, 3L)),
                heads(PERSON, null), SweepMode.FULL));
    }

    @ParameterizedTest
    @EnumSource(SweepMode.class)
    void a_pinned_table_the_manifest_no_longer_publishes_is_refused(SweepMode mode) {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.MUTATION, pin(PERSON, 3), pin(KNOWS, 7)));
        SweepDecision decision = SweepClassifier.classify(sidecar, unchangedManifest(Map.of(PERSON, 3L)),
                heads(PERSON, 4, KNOWS, 8), mode);
        Class<? extends SweepDecision> expected = mode == SweepMode.FULL ? Abort.class : RecoveryRequired.class;
        assertEquals(expected, decision.getClass());
        assertTrue(decision.toString().contains("no longer publishes"), decision.toString());
    }

    // ---- nothing moved --------------------------------------------------------------------------------------

    @Test
    void an_armed_intent_with_no_effect_is_abandoned_by_a_full_sweep_and_left_by_a_heal() {
        RecoverySidecar sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3), pin(KNOWS, 7));
        Map<String, TableObservation> observed = heads(PERSON, 3, KNOWS, 7);
        SweepDecision full = SweepClassifier.classify(sidecar, unchangedManifest(PUBLISHED_AT_EXPECTED), observed, SweepMode.FULL);
        assertInstanceOf(AbandonUnapplied.class, full);
        assertEquals(Optional.empty(), full.recoveryKind());
        assertTrue(full.deletesSidecar());
        RecoveryRequired heal = assertInstanceOf(RecoveryRequired.class, SweepClassifier.classify(sidecar,
                unchangedManifest(PUBLISHED_AT_EXPECTED), observed, SweepMode.ROLL_FORWARD_ONLY));
        assertTrue(heal.reason().contains("live writer"), heal.reason());
    }

    @Test
    void an_uncreated_first_touch_branch_ref_counts_as_no_movement() {
        RecoverySidecar sidecar = armedOnBranch("feature", WriterKind.MUTATION, branchPin(PERSON, 3, "feature"));
        assertInstanceOf(AbandonUnapplied.class, SweepClassifier.classify(sidecar, unchangedManifest(Map.of(PERSON, 3L)),
                heads(PERSON, null), SweepMode.FULL));
        List<ClassifiedTable> tables = SweepClassifier.classifyTables(sidecar, unchangedManifest(Map.of(PERSON, 3L)),
                heads(PERSON, null));
        assertEquals(TableClassification.NO_MOVEMENT, tables.get(0).classification());
    }

    @ParameterizedTest
    @EnumSource(SweepMode.class)
    void a_confirmed_intent_whose_tables_never_moved_is_abandoned(SweepMode mode) {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.MUTATION, pin(PERSON, 3)));
        assertInstanceOf(AbandonUnapplied.class, SweepClassifier.classify(sidecar, unchangedManifest(Map.of(PERSON, 3L)),
                heads(PERSON, 3), mode));
    }

    @Test
    void aligned_tables_on_a_manifest_that_moved_without_either_commit_are_ambiguous() {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.MUTATION, pin(PERSON, 3)));
        Map<String, TableObservation> observed = heads(PERSON, 4);
        Abort abort = assertInstanceOf(Abort.class, SweepClassifier.classify(sidecar,
                unchangedManifest(Map.of(PERSON, 4L)), observed, SweepMode.FULL));
        assertTrue(abort.reason().contains("neither its commit nor its roll-back commit"), abort.reason());
        assertInstanceOf(RecoveryRequired.class, SweepClassifier.classify(sidecar, unchangedManifest(Map.of(PERSON, 4L)),
                observed, SweepMode.ROLL_FORWARD_ONLY));
    }

    // ---- roll forward ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SweepMode.class)
    void a_confirmed_exact_writer_whose_publish_was_lost_rolls_forward_under_its_authority(SweepMode mode) {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.MUTATION, pin(PERSON, 3), pin(KNOWS, 7)));
        RollForward decision = assertInstanceOf(RollForward.class, SweepClassifier.classify(sidecar,
                unchangedManifest(PUBLISHED_AT_EXPECTED), heads(PERSON, 4, KNOWS, 8), mode));
        assertEquals(COMMIT, decision.graphCommitId());
        assertEquals(Optional.of(AUTHORITY), decision.requiredAuthority());
        assertEquals(List.of(PERSON, KNOWS), decision.tables().stream().map(table -> table.pin().tableKey()).toList());
        assertEquals(List.of(new TableOutcome(PERSON, 3, 4), new TableOutcome(KNOWS, 7, 8)), decision.auditOutcomes());
        assertTrue(decision.deletesSidecar());
    }

    @Test
    void a_merge_rolls_forward_only_to_its_confirmed_versions() {
        RecoverySidecar merge = armed(WriterKind.BRANCH_MERGE, pin(PERSON, 3)).confirmEffects(Map.of(PERSON, 6L));
        RollForward forward = assertInstanceOf(RollForward.class, SweepClassifier.classify(merge,
                unchangedManifest(Map.of(PERSON, 3L)), heads(PERSON, 6), SweepMode.ROLL_FORWARD_ONLY));
        assertEquals(6, forward.tables().get(0).toVersion());
        RollBack beyond = assertInstanceOf(RollBack.class, SweepClassifier.classify(merge,
                unchangedManifest(Map.of(PERSON, 3L)), heads(PERSON, 7), SweepMode.FULL));
        assertEquals(List.of(new TableRestore(merge.tables().get(0), 7, 3)), beyond.restores());
    }

    @Test
    void optimize_rolls_forward_whatever_else_the_branch_published() {
        RecoverySidecar optimize = armed(WriterKind.OPTIMIZE, pin(PERSON, 3));
        ManifestObservation moved = ManifestObservation.live(20, Optional.of(OTHER_HEAD), Map.of(PERSON, 3L));
        RollForward decision = assertInstanceOf(RollForward.class, SweepClassifier.classify(optimize, moved,
                heads(PERSON, 5), SweepMode.ROLL_FORWARD_ONLY));
        assertEquals(Optional.empty(), decision.requiredAuthority());
        assertEquals(5, decision.tables().get(0).toVersion());
    }

    @Test
    void a_confirmed_schema_apply_without_pins_rolls_forward_its_registrations() {
        RecoverySidecar apply = armed(WriterKind.SCHEMA_APPLY)
                .withSchemaChanges(List.of(), List.of(new SidecarTombstone(new dev.omnigraph.domain.graph.TableIdentity(5, 1),
                        "node:Old", 4)))
                .confirmEffects(Map.of());
        RollForward decision = assertInstanceOf(RollForward.class, SweepClassifier.classify(apply,
                unchangedManifest(Map.of()), Map.of(), SweepMode.ROLL_FORWARD_ONLY));
        assertEquals(List.of(), decision.tables());
        assertInstanceOf(AbandonUnapplied.class, SweepClassifier.classify(armed(WriterKind.SCHEMA_APPLY),
                unchangedManifest(Map.of()), Map.of(), SweepMode.FULL));
    }

    // ---- roll back ------------------------------------------------------------------------------------------

    @Test
    void completed_effects_under_a_moved_branch_head_are_rolled_back_not_forward() {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.MUTATION, pin(PERSON, 3), pin(KNOWS, 7)));
        ManifestObservation headMoved = ManifestObservation.live(AUTHORITY.manifestVersion(), Optional.of(OTHER_HEAD),
                PUBLISHED_AT_EXPECTED);
        ManifestObservation versionMoved = ManifestObservation.live(AUTHORITY.manifestVersion() + 1, AUTHORITY.graphHead(),
                PUBLISHED_AT_EXPECTED);
        for (ManifestObservation manifest : List.of(headMoved, versionMoved)) {
            RollBack back = assertInstanceOf(RollBack.class,
                    SweepClassifier.classify(sidecar, manifest, heads(PERSON, 4, KNOWS, 8), SweepMode.FULL));
            assertEquals(ROLLBACK_COMMIT, back.rollbackGraphCommitId());
            assertEquals(2, back.restores().size());
            RecoveryRequired heal = assertInstanceOf(RecoveryRequired.class,
                    SweepClassifier.classify(sidecar, manifest, heads(PERSON, 4, KNOWS, 8), SweepMode.ROLL_FORWARD_ONLY));
            assertTrue(heal.reason().contains("authority"), heal.reason());
        }
    }

    @Test
    void a_partial_multi_table_write_restores_only_the_tables_that_moved() {
        RecoverySidecar sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3), pin(KNOWS, 7));
        Map<String, TableObservation> observed = heads(PERSON, 4, KNOWS, 7);
        RollBack back = assertInstanceOf(RollBack.class, SweepClassifier.classify(sidecar,
                unchangedManifest(PUBLISHED_AT_EXPECTED), observed, SweepMode.FULL));
        assertEquals(List.of(new TableRestore(sidecar.pin(PERSON).orElseThrow(), 4, 3)), back.restores());
        assertEquals(List.of(new TableOutcome(PERSON, 4, 3)), back.auditOutcomes());
        assertEquals(Optional.of(RecoveryKind.ROLLED_BACK), back.recoveryKind());
        assertTrue(back.deletesSidecar());
        RecoveryRequired heal = assertInstanceOf(RecoveryRequired.class, SweepClassifier.classify(sidecar,
                unchangedManifest(PUBLISHED_AT_EXPECTED), observed, SweepMode.ROLL_FORWARD_ONLY));
        assertTrue(heal.reason().contains("roll-back"), heal.reason());
        assertFalse(heal.deletesSidecar());
    }

    @Test
    void a_roll_back_restores_to_the_published_version_so_a_published_winner_survives() {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.MUTATION, pin(PERSON, 3)));
        RollBack back = assertInstanceOf(RollBack.class, SweepClassifier.classify(sidecar,
                unchangedManifest(Map.of(PERSON, 4L)), heads(PERSON, 5), SweepMode.FULL));
        assertEquals(List.of(new TableRestore(sidecar.tables().get(0), 5, 4)), back.restores());
    }

    @Test
    void a_retried_roll_back_reports_the_plan_it_persisted_before_restoring() {
        List<TableOutcome> plan = List.of(new TableOutcome(PERSON, 4, 3));
        RecoverySidecar sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3)).withRollbackAuditOutcomes(plan);
        RollBack back = assertInstanceOf(RollBack.class, SweepClassifier.classify(sidecar,
                unchangedManifest(Map.of(PERSON, 3L)), heads(PERSON, 5), SweepMode.FULL));
        assertEquals(plan, back.auditOutcomes());
        assertEquals(5, back.restores().get(0).observedHead());
    }

    // ---- caller errors --------------------------------------------------------------------------------------

    @Test
    void a_pinned_table_without_an_observation_is_a_caller_bug() {
        RecoverySidecar sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3), pin(KNOWS, 7));
        assertThrows(IllegalArgumentException.class, () -> SweepClassifier.classify(sidecar,
                unchangedManifest(PUBLISHED_AT_EXPECTED), heads(PERSON, 3), SweepMode.FULL));
    }

    @Test
    void main_cannot_be_an_orphan() {
        RecoverySidecar onMain = armed(WriterKind.MUTATION, pin(PERSON, 3));
        assertThrows(IllegalArgumentException.class, () -> SweepClassifier.classify(onMain,
                ManifestObservation.branchDeleted(), Map.of(), SweepMode.FULL));
    }
}
