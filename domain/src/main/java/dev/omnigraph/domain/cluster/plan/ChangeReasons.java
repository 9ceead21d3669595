package dev.omnigraph.domain.cluster.plan;

/**
 * The {@code reason} vocabulary of plan and apply changes. Blocked reasons other than
 * {@link #CLUSTER_RECOVERY_PENDING} are also written as the status condition of the blocked
 * resource; {@link #APPLY_UNSUPPORTED_KIND} (deferred) never becomes a status.
 */
public final class ChangeReasons {

    /** The graph has a pending recovery sidecar (apply only: plan never sweeps). */
    public static final String CLUSTER_RECOVERY_PENDING = "cluster_recovery_pending";
    /** A gated delete without a valid approval. */
    public static final String APPROVAL_REQUIRED = "approval_required";
    /** A dependency was not applied (missing schema, failed graph step). */
    public static final String DEPENDENCY_NOT_APPLIED = "dependency_not_applied";
    /** A change of a kind this phase does not execute. */
    public static final String APPLY_UNSUPPORTED_KIND = "apply_unsupported_kind";
    /** The graph's create failed in this run. */
    public static final String GRAPH_CREATE_FAILED = "graph_create_failed";
    /** The graph's delete failed in this run. */
    public static final String GRAPH_DELETE_FAILED = "graph_delete_failed";
    /** The schema apply failed in this run. */
    public static final String SCHEMA_APPLY_FAILED = "schema_apply_failed";

    private ChangeReasons() {
    }
}
