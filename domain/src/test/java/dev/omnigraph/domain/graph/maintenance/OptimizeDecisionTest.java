package dev.omnigraph.domain.graph.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Optimize pins only tables it will move, leaves drift to repair, and stops on a head behind the manifest. */
class OptimizeDecisionTest {

    @Test
    void a_table_in_sync_is_compacted_only_when_compaction_would_rewrite_something() {
        assertEquals(new OptimizeDecision.Compact(), OptimizeDecision.forTable("node:Person", 3, 3, true));
        assertEquals(new OptimizeDecision.NothingToDo(), OptimizeDecision.forTable("node:Person", 3, 3, false));
    }

    @Test
    void a_head_ahead_of_the_manifest_is_skipped_for_repair_whatever_compaction_would_do() {
        for (boolean needsCompaction : new boolean[] {true, false}) {
            assertEquals(new OptimizeDecision.Skip(SkipReason.DRIFT_NEEDS_REPAIR, 3, 5),
                    OptimizeDecision.forTable("node:Person", 3, 5, needsCompaction));
        }
    }

    @Test
    void a_head_behind_the_manifest_refuses_and_names_both_versions() {
        assertEquals(new OptimizeDecision.Refuse("node:Person is at storage head version 2, behind published version 3"),
                OptimizeDecision.forTable("node:Person", 3, 2, true));
    }

    @Test
    void head_drift_is_one_of_three_cases() {
        assertEquals(new HeadDrift.InSync(4, 4), HeadDrift.of(4, 4));
        assertEquals(new HeadDrift.Ahead(4, 9), HeadDrift.of(4, 9));
        assertEquals(new HeadDrift.Behind(4, 1), HeadDrift.of(4, 1));
    }
}
