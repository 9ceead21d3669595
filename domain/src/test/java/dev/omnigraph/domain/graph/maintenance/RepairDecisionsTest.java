package dev.omnigraph.domain.graph.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omnigraph.domain.graph.maintenance.DriftEvidence.Recorded;
import dev.omnigraph.domain.graph.maintenance.DriftEvidence.Unreadable;
import dev.omnigraph.domain.graph.maintenance.RepairDecisions.Judgement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Repair may publish a head the manifest never published: only content-preserving history may be adopted
 * on confirmation alone, anything that may have changed rows needs the operator to force it, and a gap in
 * the record is never read as harmless.
 */
class RepairDecisionsTest {

    private static Recorded rewrite(long version) {
        return new Recorded(version, "Rewrite", true);
    }

    private static Recorded reserve(long version) {
        return new Recorded(version, "ReserveFragments", true);
    }

    private static Recorded append(long version) {
        return new Recorded(version, "Append", false);
    }

    @Test
    void a_head_at_the_published_version_has_no_drift() {
        assertEquals(new Judgement(RepairClassification.NO_DRIFT, List.of(), Optional.empty()),
                RepairDecisions.judge(4, 4, List.of()));
    }

    @Test
    void only_rewrites_and_reservations_are_verified_maintenance() {
        assertEquals(new Judgement(RepairClassification.VERIFIED_MAINTENANCE, List.of("ReserveFragments", "Rewrite"),
                Optional.empty()), RepairDecisions.judge(4, 6, List.of(reserve(5), rewrite(6))));
    }

    @Test
    void one_content_changing_version_among_maintenance_makes_the_drift_suspicious() {
        assertEquals(new Judgement(RepairClassification.SUSPICIOUS, List.of("Rewrite", "Append", "Rewrite"),
                Optional.empty()), RepairDecisions.judge(4, 7, List.of(rewrite(5), append(6), rewrite(7))));
    }

    @Test
    void the_first_unreadable_version_makes_the_drift_unverifiable_and_stops_the_reading() {
        Judgement judged = RepairDecisions.judge(4, 7, List.of(append(5), new Unreadable(6, "transaction file gone"),
                rewrite(7)));
        assertEquals(RepairClassification.UNVERIFIABLE, judged.classification());
        assertEquals(List.of("Append"), judged.operations());
        assertEquals(Optional.of("transaction file gone"), judged.error());
    }

    @Test
    void a_version_missing_from_the_evidence_is_unverifiable_not_harmless() {
        Judgement judged = RepairDecisions.judge(4, 6, List.of(rewrite(6)));
        assertEquals(RepairClassification.UNVERIFIABLE, judged.classification());
        assertEquals(Optional.of("missing transaction record for version 5"), judged.error());
    }

    @Test
    void evidence_order_does_not_matter() {
        assertEquals(RepairDecisions.judge(4, 6, List.of(reserve(5), rewrite(6))),
                RepairDecisions.judge(4, 6, List.of(rewrite(6), reserve(5))));
    }

    @ParameterizedTest
    @EnumSource(RepairClassification.class)
    void every_flag_combination_has_exactly_the_references_action(RepairClassification classification) {
        boolean drift = classification != RepairClassification.NO_DRIFT;
        boolean verified = classification == RepairClassification.VERIFIED_MAINTENANCE;
        assertEquals(drift ? RepairAction.PREVIEW : RepairAction.NO_OP, RepairDecisions.action(classification, false, false));
        assertEquals(!drift ? RepairAction.NO_OP : verified ? RepairAction.HEALED : RepairAction.REFUSED,
                RepairDecisions.action(classification, true, false));
        assertEquals(!drift ? RepairAction.NO_OP : verified ? RepairAction.HEALED : RepairAction.FORCED,
                RepairDecisions.action(classification, true, true));
        IllegalArgumentException forceAlone = assertThrows(IllegalArgumentException.class,
                () -> RepairDecisions.action(classification, false, true));
        assertEquals("repair --force requires --confirm", forceAlone.getMessage());
    }

    @Test
    void only_healed_and_forced_publish() {
        for (RepairAction action : RepairAction.values()) {
            assertEquals(action == RepairAction.HEALED || action == RepairAction.FORCED, action.publishes(), action.name());
        }
    }

    @Test
    void json_tokens_are_the_references() {
        assertEquals(List.of("no_drift", "verified_maintenance", "suspicious", "unverifiable"),
                List.of(RepairClassification.values()).stream().map(RepairClassification::jsonName).toList());
        assertEquals(List.of("no_op", "preview", "healed", "forced", "refused"),
                List.of(RepairAction.values()).stream().map(RepairAction::jsonName).toList());
        assertEquals("drift_needs_repair", SkipReason.DRIFT_NEEDS_REPAIR.jsonName());
    }

    @Test
    void forced_publications_carry_their_own_actor() {
        assertEquals("omnigraph:repair", RepairDecisions.actor(false));
        assertEquals("omnigraph:repair:force", RepairDecisions.actor(true));
    }
}
