package dev.omnigraph.domain.graph;

/**
 * The kinds of engine failure, each with the stable code the CLI, HTTP and gRPC report and the HTTP
 * status the server maps it to.
 */
public enum GraphErrorKind {
    /** Init found an existing graph or schema artifacts. */
    ALREADY_INITIALIZED("already_initialized", 409),
    /** Another init holds the root's {@code __init_claim.json} (running, or stopped without releasing it). */
    INITIALIZATION_CLAIMED("initialization_claimed", 409),
    /** Init committed the graph's manifest but a later step failed: the graph exists; inspect or open it. */
    INITIALIZATION_COMMITTED("initialization_committed", 500),
    /** Init failed where it cannot tell what it created: the claim and schema files are kept for an operator. */
    INITIALIZATION_INDETERMINATE("initialization_indeterminate", 500),
    /** No graph at the location. */
    GRAPH_NOT_FOUND("not_found", 404),
    /** The branch does not exist. */
    BRANCH_NOT_FOUND("not_found", 404),
    /** The commit or snapshot does not exist. */
    COMMIT_NOT_FOUND("not_found", 404),
    /** A strict insert met an existing id. */
    KEY_CONFLICT("key_conflict", 409),
    /** Input refused by validation (types, constraints, integrity). */
    BAD_REQUEST("bad_request", 400),
    /** A hard limit would be exceeded; nothing was written. */
    RESOURCE_LIMIT_EXCEEDED("resource_limit_exceeded", 413),
    /** A conditional write's expected head is no longer the head. */
    PRECONDITION_FAILED("precondition_failed", 412),
    /** A concurrent writer won; retry on fresh state. */
    CONFLICT("conflict", 409),
    /** The graph's stored schema contract is damaged or from another version. */
    SCHEMA_CONTRACT("schema_contract_violation", 500),
    /** The version was reclaimed by cleanup. */
    HISTORICAL_VERSION_RECLAIMED("historical_version_reclaimed", 410),
    /** Interrupted writes must be recovered first. */
    RECOVERY_REQUIRED("recovery_required", 503),
    /** Storage failed. */
    STORAGE("storage_error", 503),
    /** The request uses a capability this build does not have yet. */
    NOT_SUPPORTED("not_supported", 501);

    private final String code;
    private final int httpStatus;

    GraphErrorKind(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
