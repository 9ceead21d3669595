package dev.omnigraph.domain.graph.recovery;

import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.COMMIT;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.KNOWS;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.OPERATION;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.PERSON;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.armed;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.confirmedAtNext;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.heads;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.pin;
import static dev.omnigraph.domain.graph.recovery.RecoveryFixtures.unchangedManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The audit table is the operator's only record of what recovery did to whose write. Its column names and cell
 * spellings are shared with the reference's {@code _graph_commit_recoveries.lance}, and a row must carry the
 * interrupted writer's actor and the exact per-table movement.
 */
class RecoveryAuditRecordTest {

    @Test
    void the_table_and_its_columns_are_named_as_the_reference_names_them() {
        assertEquals("_graph_commit_recoveries.lance", RecoveryAuditRecord.TABLE_DIRECTORY);
        assertEquals(List.of("graph_commit_id", "recovery_kind", "recovery_for_actor", "operation_id",
                "sidecar_writer_kind", "per_table_outcomes_json", "created_at"), RecoveryAuditRecord.COLUMNS);
        assertEquals(List.of("RolledForward", "RolledBack", "OrphanedBranchDiscarded"),
                java.util.Arrays.stream(RecoveryKind.values()).map(RecoveryKind::columnValue).toList());
    }

    @Test
    void a_roll_forward_row_keeps_the_writers_actor_commit_and_table_movement() {
        RecoverySidecar sidecar = confirmedAtNext(armed(WriterKind.LOAD, pin(PERSON, 3), pin(KNOWS, 7)));
        SweepDecision decision = SweepClassifier.classify(sidecar, unchangedManifest(Map.of(PERSON, 3L, KNOWS, 7L)),
                heads(PERSON, 4, KNOWS, 8), SweepMode.FULL);
        RecoveryAuditRecord row = RecoveryAuditRecord.forDecision(sidecar, decision, COMMIT, 99);
        assertEquals(new RecoveryAuditRecord(COMMIT, RecoveryKind.ROLLED_FORWARD, Optional.of("act-alice"), OPERATION,
                WriterKind.LOAD, List.of(new TableOutcome(PERSON, 3, 4), new TableOutcome(KNOWS, 7, 8)), 99), row);
        assertEquals("[{\"table_key\":\"node:Person\",\"from_version\":3,\"to_version\":4},"
                + "{\"table_key\":\"edge:Knows\",\"from_version\":7,\"to_version\":8}]", row.perTableOutcomesJson());
    }

    @Test
    void an_orphan_row_has_no_outcomes_and_the_fresh_commit_id() {
        RecoverySidecar sidecar = RecoveryFixtures.armedOnBranch("gone", WriterKind.MUTATION, pin(PERSON, 3));
        SweepDecision decision = SweepClassifier.classify(sidecar, ManifestObservation.branchDeleted(), Map.of(),
                SweepMode.ROLL_FORWARD_ONLY);
        String freshCommit = "01HZY3N8Q4V7W2K9T5R6M3B1C7";
        RecoveryAuditRecord row = RecoveryAuditRecord.forDecision(sidecar, decision, freshCommit, 5);
        assertEquals(RecoveryKind.ORPHANED_BRANCH_DISCARDED, row.recoveryKind());
        assertEquals(freshCommit, row.graphCommitId());
        assertEquals("[]", row.perTableOutcomesJson());
    }

    @Test
    void decisions_that_record_nothing_have_no_row() {
        RecoverySidecar sidecar = armed(WriterKind.MUTATION, pin(PERSON, 3));
        SweepDecision keep = new SweepDecision.RecoveryRequired(OPERATION, "needs a read-write open");
        assertThrows(IllegalArgumentException.class, () -> RecoveryAuditRecord.forDecision(sidecar, keep, COMMIT, 1));
    }

    @Test
    void a_row_reads_back_from_its_cells() {
        RecoveryAuditRecord row = new RecoveryAuditRecord(COMMIT, RecoveryKind.ROLLED_BACK, Optional.empty(), OPERATION,
                WriterKind.BRANCH_MERGE, List.of(new TableOutcome(PERSON, 9, 4)), 1_718_000_000_000_000L);
        RecoveryAuditRecord read = RecoveryAuditRecord.fromColumns(row.graphCommitId(), row.recoveryKind().columnValue(),
                row.recoveryForActor(), row.operationId(), row.sidecarWriterKind().jsonName(),
                TableOutcome.encodeAll(row.perTableOutcomes()), row.createdAtMicros());
        assertEquals(row, read);
        assertEquals("BranchMerge", row.sidecarWriterKind().jsonName());
    }

    @Test
    void unknown_cells_are_refused() {
        JsonArray outcomes = new JsonArray(List.of());
        assertThrows(IllegalArgumentException.class, () -> RecoveryAuditRecord.fromColumns(COMMIT, "RolledSideways",
                Optional.empty(), OPERATION, "Mutation", outcomes, 1));
        assertThrows(IllegalArgumentException.class, () -> RecoveryAuditRecord.fromColumns(COMMIT, "RolledBack",
                Optional.empty(), OPERATION, "mutation", outcomes, 1));
        JsonArray wrongShape = JsonArray.of(JsonObject.builder().put("table", "node:Person").build());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RecoveryAuditRecord.fromColumns(
                COMMIT, "RolledBack", Optional.empty(), OPERATION, "Mutation", wrongShape, 1));
        assertTrue(refused.getMessage().contains("outcomes[0]"), refused.getMessage());
    }
}
