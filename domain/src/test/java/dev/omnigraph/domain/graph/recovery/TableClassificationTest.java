package dev.omnigraph.domain.graph.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.graph.TableIdentity;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The per-table verdict is what lets the sweep tell a writer's finished-but-unpublished effect (safe to publish)
 * from a partial or foreign one (must be undone) and from an impossible state (must stop). Each row is one cell of
 * the reference's table: mode x phase x (head, published, expected, confirmation).
 */
class TableClassificationTest {

    private static SidecarTablePin pin(long expected, long postCommitPin, String confirmed) {
        OptionalLong confirmation = confirmed == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(confirmed));
        return new SidecarTablePin(new TableIdentity(1, 1), "node:Person", "p", expected, postCommitPin, confirmation,
                Optional.empty());
    }

    @ParameterizedTest(name = "{0} {1} expected={2} post={3} confirmed={4} head={5} published={6} -> {7}")
    @CsvSource(nullValues = "-", value = {
            // any mode: below the published version is impossible; at it, nothing moved
            "LOOSE,        ARMED,             5, 6, -, 4, 5, INVARIANT_VIOLATION",
            "CONFIRMED,    EFFECTS_CONFIRMED, 5, 6, 7, 4, 5, INVARIANT_VIOLATION",
            "EXACT_EFFECT, EFFECTS_CONFIRMED, 5, 6, 6, 0, 5, INVARIANT_VIOLATION",
            "LOOSE,        ARMED,             5, 6, -, 5, 5, NO_MOVEMENT",
            "CONFIRMED,    ARMED,             5, 6, -, 5, 5, NO_MOVEMENT",
            "EXACT_EFFECT, ARMED,             5, 6, -, 5, 5, NO_MOVEMENT",
            "EXACT_EFFECT, EFFECTS_CONFIRMED, 5, 6, 6, 5, 5, NO_MOVEMENT",
            // loose: any advance over the expected, still published, version rolls forward
            "LOOSE,        ARMED,             5, 6, -, 6, 5, ROLLED_PAST_EXPECTED",
            "LOOSE,        ARMED,             5, 6, -, 9, 5, ROLLED_PAST_EXPECTED",
            "LOOSE,        EFFECTS_CONFIRMED, 5, 6, 8, 9, 5, ROLLED_PAST_EXPECTED",
            "LOOSE,        ARMED,             4, 5, -, 6, 5, UNEXPECTED_AT_P1",
            "LOOSE,        ARMED,             4, 5, -, 7, 5, UNEXPECTED_MULTISTEP",
            // confirmed (branch merge): only the exact confirmed head rolls forward
            "CONFIRMED,    ARMED,             5, 6, -, 8, 5, INCOMPLETE_PHASE_B",
            "CONFIRMED,    EFFECTS_CONFIRMED, 5, 6, 8, 8, 5, ROLLED_PAST_EXPECTED",
            "CONFIRMED,    EFFECTS_CONFIRMED, 5, 6, 8, 9, 5, UNEXPECTED_MULTISTEP",
            "CONFIRMED,    EFFECTS_CONFIRMED, 5, 6, 8, 7, 5, UNEXPECTED_MULTISTEP",
            "CONFIRMED,    EFFECTS_CONFIRMED, 4, 5, 8, 8, 5, UNEXPECTED_MULTISTEP",
            // exact effect: confirmed phase, expected still published, head exactly the confirmed version
            "EXACT_EFFECT, ARMED,             5, 6, -, 6, 5, INCOMPLETE_PHASE_B",
            "EXACT_EFFECT, EFFECTS_CONFIRMED, 5, 6, 6, 6, 5, ROLLED_PAST_EXPECTED",
            "EXACT_EFFECT, EFFECTS_CONFIRMED, 5, 6, 6, 7, 5, UNEXPECTED_MULTISTEP",
            "EXACT_EFFECT, EFFECTS_CONFIRMED, 5, 6, 7, 6, 5, UNEXPECTED_MULTISTEP",
            "EXACT_EFFECT, EFFECTS_CONFIRMED, 4, 5, 5, 6, 5, UNEXPECTED_AT_P1",
            "EXACT_EFFECT, EFFECTS_CONFIRMED, 4, 5, 5, 9, 5, UNEXPECTED_AT_P1",
    })
    void classifies_each_cell_as_the_reference_does(ClassificationMode mode, EffectPhase phase, long expected,
                                                    long postCommitPin, String confirmed, long head, long published,
                                                    TableClassification verdict) {
        assertEquals(verdict, SweepClassifier.classifyTable(mode, phase, pin(expected, postCommitPin, confirmed), head, published));
    }

    @Test
    void every_writer_kind_has_its_reference_mode() {
        assertEquals(ClassificationMode.EXACT_EFFECT, WriterKind.MUTATION.classificationMode());
        assertEquals(ClassificationMode.EXACT_EFFECT, WriterKind.LOAD.classificationMode());
        assertEquals(ClassificationMode.EXACT_EFFECT, WriterKind.SCHEMA_APPLY.classificationMode());
        assertEquals(ClassificationMode.EXACT_EFFECT, WriterKind.ENSURE_INDICES.classificationMode());
        assertEquals(ClassificationMode.CONFIRMED, WriterKind.BRANCH_MERGE.classificationMode());
        assertEquals(ClassificationMode.LOOSE, WriterKind.OPTIMIZE.classificationMode());
    }

    @Test
    void only_moved_tables_need_a_restore() {
        for (TableClassification classification : TableClassification.values()) {
            boolean untouchedOrImpossible = classification == TableClassification.NO_MOVEMENT
                    || classification == TableClassification.INVARIANT_VIOLATION;
            if (untouchedOrImpossible) {
                assertFalse(classification.needsRestore(), classification.name());
            } else {
                assertTrue(classification.needsRestore(), classification.name());
            }
        }
    }
}
