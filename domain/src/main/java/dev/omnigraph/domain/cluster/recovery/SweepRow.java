package dev.omnigraph.domain.cluster.recovery;

import dev.omnigraph.domain.cluster.state.RecoverySidecarKind;

/**
 * The sweep classifier's rows (numbered as in RFC-004 §D3 and the reference's code comments).
 * Each row says whether the sidecar is retired (deleted after the sweeping command's state write)
 * and whether the graph becomes pending (graph-moving work and dependents blocked this run).
 */
public enum SweepRow {
    /** graph_create, root absent: nothing moved; the same run re-proposes the create. */
    CREATE_ROOT_ABSENT(RecoverySidecarKind.GRAPH_CREATE, "1", true, false),
    /** graph_create, ledger's schema digest equals the live one: the outcome is already recorded. */
    CREATE_ALREADY_RECORDED(RecoverySidecarKind.GRAPH_CREATE, "2", true, false),
    /** graph_create, live digest equals the sidecar's desired one: roll the ledger forward. */
    CREATE_ROLLED_FORWARD(RecoverySidecarKind.GRAPH_CREATE, "4", true, false),
    /** graph_create, root exists but does not open: partial init; error; never auto-deleted. */
    CREATE_PARTIAL_ROOT(RecoverySidecarKind.GRAPH_CREATE, "5", false, true),
    /** graph_create, live digest is neither recorded nor desired: drifted, refresh and re-plan. */
    CREATE_UNEXPECTED_STATE(RecoverySidecarKind.GRAPH_CREATE, "6", false, true),
    /** schema_apply, ledger's digest equals the live one: stale intent (never landed, or landed and recorded). */
    SCHEMA_STALE_INTENT(RecoverySidecarKind.SCHEMA_APPLY, "1/2", true, false),
    /** schema_apply, live digest equals the desired one: roll the ledger forward. */
    SCHEMA_ROLLED_FORWARD(RecoverySidecarKind.SCHEMA_APPLY, "3", true, false),
    /** schema_apply, live digest is neither recorded nor desired: drifted, refresh and re-plan. */
    SCHEMA_UNEXPECTED_STATE(RecoverySidecarKind.SCHEMA_APPLY, "6", false, true),
    /** schema_apply, the graph does not open: cannot be verified; no status change. */
    SCHEMA_UNVERIFIABLE(RecoverySidecarKind.SCHEMA_APPLY, "x", false, true),
    /** graph_delete, root absent and graph not in the ledger: already tombstoned. */
    DELETE_ALREADY_TOMBSTONED(RecoverySidecarKind.GRAPH_DELETE, "7", true, false),
    /** graph_delete, root absent but graph still in the ledger: roll the tombstone forward, consume the approval. */
    DELETE_ROLLED_FORWARD(RecoverySidecarKind.GRAPH_DELETE, "7b", true, false),
    /** graph_delete, root still present: the still-approved delete is re-proposed (and re-run by apply). */
    DELETE_INCOMPLETE(RecoverySidecarKind.GRAPH_DELETE, "8", true, false);

    private final RecoverySidecarKind kind;
    private final String number;
    private final boolean retiresSidecar;
    private final boolean marksPending;

    SweepRow(RecoverySidecarKind kind, String number, boolean retiresSidecar, boolean marksPending) {
        this.kind = kind;
        this.number = number;
        this.retiresSidecar = retiresSidecar;
        this.marksPending = marksPending;
    }

    public RecoverySidecarKind kind() {
        return kind;
    }

    /** The RFC row number ("1", "7b", "x" for the unnumbered schema case). */
    public String number() {
        return number;
    }

    public boolean retiresSidecar() {
        return retiresSidecar;
    }

    public boolean marksPending() {
        return marksPending;
    }
}
