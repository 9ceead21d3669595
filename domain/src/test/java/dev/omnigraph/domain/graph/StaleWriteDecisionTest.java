package dev.omnigraph.domain.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every combination of precondition, movement and replayability: a conditional write never replays past
 * its expected head, an unconditional one replays only when that keeps its meaning, and nothing proceeds
 * on a moved head.
 */
class StaleWriteDecisionTest {

    private static final Optional<String> A = Optional.of("A");
    private static final Optional<String> B = Optional.of("B");
    private static final Optional<String> NONE = Optional.empty();

    @Test
    void an_unmoved_head_proceeds_with_or_without_a_matching_precondition() {
        for (boolean replayable : new boolean[] {true, false}) {
            assertEquals(new StaleWriteDecision.Proceed(), StaleWriteDecision.decide(NONE, A, A, replayable));
            assertEquals(new StaleWriteDecision.Proceed(), StaleWriteDecision.decide(A, A, A, replayable));
            assertEquals(new StaleWriteDecision.Proceed(), StaleWriteDecision.decide(NONE, NONE, NONE, replayable));
        }
    }

    @Test
    void a_moved_head_fails_a_conditional_write_whether_or_not_it_could_replay() {
        for (boolean replayable : new boolean[] {true, false}) {
            assertEquals(new StaleWriteDecision.PreconditionFailed("A", B), StaleWriteDecision.decide(A, A, B, replayable));
        }
    }

    @Test
    void a_precondition_that_was_already_stale_when_prepared_fails_even_if_nothing_moved_since() {
        assertEquals(new StaleWriteDecision.PreconditionFailed("A", B), StaleWriteDecision.decide(A, B, B, true));
        assertEquals(new StaleWriteDecision.PreconditionFailed("A", NONE), StaleWriteDecision.decide(A, NONE, NONE, true));
    }

    @Test
    void a_moved_head_replays_an_unconditional_replayable_write_and_fails_any_other() {
        assertEquals(new StaleWriteDecision.Replay(), StaleWriteDecision.decide(NONE, A, B, true));
        assertEquals(new StaleWriteDecision.Conflict(A, B), StaleWriteDecision.decide(NONE, A, B, false));
        assertEquals(new StaleWriteDecision.Replay(), StaleWriteDecision.decide(NONE, NONE, B, true));
        assertEquals(new StaleWriteDecision.Conflict(NONE, B), StaleWriteDecision.decide(NONE, NONE, B, false));
    }
}
