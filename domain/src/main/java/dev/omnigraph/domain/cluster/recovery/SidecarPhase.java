package dev.omnigraph.domain.cluster.recovery;

/** Where a recovery sidecar is in its life. */
public enum SidecarPhase {
    /** Written; the engine call it fences has not returned yet. */
    ARMED,
    /** The operation's outcome is known; deleted once the command's ledger write lands. */
    AWAITING_STATE_WRITE,
    /** Left in place for a later sweep (the outcome is not recorded, or the graph needs repair). */
    KEPT,
    /** Gone. */
    DELETED
}
