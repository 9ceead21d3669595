package dev.omnigraph.domain.graph.recovery;

/** Which recovery actions a sweep may take. */
public enum SweepMode {
    /**
     * The read-write open's sweep, before the handle serves writes: may roll forward, restore tables and roll back,
     * or abort loudly.
     */
    FULL,
    /**
     * The heal every writer runs first inside a live process: only roll-forward and bookkeeping. A table restore
     * would win against a concurrent append and orphan it, so anything that needs one is left for the next
     * read-write open and the writer refuses with {@code recovery_required}.
     */
    ROLL_FORWARD_ONLY
}
