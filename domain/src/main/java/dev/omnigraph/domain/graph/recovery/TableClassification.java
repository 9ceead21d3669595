package dev.omnigraph.domain.graph.recovery;

/**
 * One pinned table's state, judged against the sidecar's intent. {@code head} is the table's head on the pin's
 * ref, {@code published} the version the branch's manifest publishes now, {@code expected} the pin's
 * {@code expected_version}.
 */
public enum TableClassification {
    /** {@code head == published}: the writer never moved this table (or recovery already re-published it). */
    NO_MOVEMENT,
    /** The head is the writer's completed effect on top of the version it expected: eligible to roll forward. */
    ROLLED_PAST_EXPECTED,
    /** {@code head == published + 1} but the pin does not account for it (the manifest moved, or a loose pin mismatch). */
    UNEXPECTED_AT_P1,
    /** The head moved further than, or elsewhere than, the pin's confirmation accounts for. */
    UNEXPECTED_MULTISTEP,
    /** The head moved but the writer never confirmed its effects: a partial Phase B. */
    INCOMPLETE_PHASE_B,
    /**
     * {@code head < published}, or a published table's ref is gone: impossible if every publish follows its
     * commit. Recovery refuses to act.
     */
    INVARIANT_VIOLATION;

    /** Whether a roll-back restores this table (every moved table; never an untouched or impossible one). */
    public boolean needsRestore() {
        return this != NO_MOVEMENT && this != INVARIANT_VIOLATION;
    }
}
