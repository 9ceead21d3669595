package dev.omnigraph.domain.cluster.recovery;

/** What can happen to the operation a sidecar fences, or to the sidecar itself. */
public enum SidecarEvent {
    /** graph_create only: the schema source no longer matches the planned digest; nothing moved. */
    SOURCE_CHANGED,
    /** The engine call succeeded. */
    ENGINE_SUCCEEDED,
    /** schema_apply only: the engine refused before moving (live version and digest unchanged). */
    ENGINE_FAILED_NOTHING_MOVED,
    /** The engine call failed and may have moved the graph (or, for a delete, removal failed). */
    ENGINE_FAILED_MAY_HAVE_MOVED,
    /** The process stopped (or a failpoint fired) before acknowledging anything. */
    CRASHED,
    /** The command's CAS-checked ledger write landed. */
    STATE_WRITTEN,
    /** The command's ledger write failed. */
    STATE_WRITE_FAILED,
    /** A sweep classified the sidecar as done (its outcome is or will be recorded). */
    SWEEP_COMPLETED,
    /** A sweep classified the graph as needing repair (rows 5, 6 and x). */
    SWEEP_PENDING
}
