package dev.omnigraph.application.query;

/**
 * The plan does not fit itself or the snapshot (an unbound variable, a type the catalog lacks). A
 * typechecked plan run against the catalog it was checked with never raises it.
 */
public final class InvalidQueryPlanException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    InvalidQueryPlanException(String message) {
        super(QueryErrorCode.INVALID_PLAN, message);
    }
}
