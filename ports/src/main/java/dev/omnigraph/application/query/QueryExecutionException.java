package dev.omnigraph.application.query;

import java.util.Objects;

/**
 * A read query that could not run, with a stable {@link QueryErrorCode}. Storage failures are not
 * wrapped: they surface as the table port's own typed exceptions.
 */
public abstract sealed class QueryExecutionException extends RuntimeException
        permits QueryParameterException, UnsupportedQueryFeatureException, InvalidQueryValueException,
        InvalidQueryPlanException {

    private static final long serialVersionUID = 1L;

    private final QueryErrorCode errorCode;

    protected QueryExecutionException(QueryErrorCode errorCode, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public QueryErrorCode errorCode() {
        return errorCode;
    }

    /** The wire spelling of the code ({@code query_parameter_missing}, …). */
    public String code() {
        return errorCode.code();
    }
}
