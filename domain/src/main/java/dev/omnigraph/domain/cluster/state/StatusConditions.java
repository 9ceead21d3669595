package dev.omnigraph.domain.cluster.state;

/**
 * The condition vocabulary written into {@code resource_statuses[*].conditions}: observation and
 * recovery findings, plus the reasons a change stayed blocked (see {@code plan.ChangeReasons}).
 */
public final class StatusConditions {

    /** Drifted: the derived graph root is missing. */
    public static final String GRAPH_MISSING = "graph_missing";
    /** Drifted: the live schema digest differs from the desired one. */
    public static final String SCHEMA_MISMATCH = "schema_mismatch";
    /** Error: refresh or import could not open the graph. */
    public static final String GRAPH_OBSERVATION_ERROR = "graph_observation_error";
    /** Drifted: the catalog payload of a query or policy is missing. */
    public static final String PAYLOAD_MISSING = "payload_missing";
    /** Drifted: the catalog payload does not hash to its digest. */
    public static final String PAYLOAD_MISMATCH = "payload_mismatch";
    /** Error: the catalog payload could not be read. */
    public static final String PAYLOAD_READ_ERROR = "payload_read_error";
    /** Error (sweep row 5): a graph root exists but cannot be opened. */
    public static final String GRAPH_CREATE_INCOMPLETE = "graph_create_incomplete";
    /** Drifted (sweep row 6): the graph moved to a state no interrupted operation intended. */
    public static final String ACTUAL_APPLIED_STATE_PENDING = "actual_applied_state_pending";

    private StatusConditions() {
    }
}
