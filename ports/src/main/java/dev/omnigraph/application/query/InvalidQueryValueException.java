package dev.omnigraph.application.query;

/** A literal or computed value of the query cannot be interpreted (for example a malformed date). */
public final class InvalidQueryValueException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    InvalidQueryValueException(String message) {
        super(QueryErrorCode.INVALID_LITERAL, message);
    }
}
