package dev.omnigraph.application.query;

/**
 * The stable codes of query execution failures. A code never changes meaning once published; the
 * serving adapters map them to statuses (parameter and value errors are the caller's fault, an
 * unsupported feature is "not implemented", an invalid plan is a bug on our side).
 */
public enum QueryErrorCode {
    /** The parameters are not a JSON object. */
    PARAMS_NOT_OBJECT("query_params_not_object"),
    /** A declared non-nullable parameter was not given (or given as null). */
    PARAMETER_MISSING("query_parameter_missing"),
    /** A parameter value does not fit its declared type. */
    PARAMETER_TYPE_MISMATCH("query_parameter_type_mismatch"),
    /** A literal of the query cannot be interpreted (for example an invalid {@code date("…")}). */
    INVALID_LITERAL("query_invalid_literal"),
    /** The query uses a capability this build does not have yet (search functions). */
    FEATURE_NOT_SUPPORTED("query_feature_not_supported"),
    /** The plan contradicts itself or the snapshot's catalog (a planner or wiring bug). */
    INVALID_PLAN("query_invalid_plan");

    private final String code;

    QueryErrorCode(String code) {
        this.code = code;
    }

    /** The wire spelling. */
    public String code() {
        return code;
    }
}
