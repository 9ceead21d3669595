package dev.omnigraph.application.query;

import java.util.Objects;
import java.util.Optional;

/** A parameter is missing or does not fit its declared type; names the parameter and the type. */
public final class QueryParameterException extends QueryExecutionException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String expectedType;

    QueryParameterException(QueryErrorCode code, String parameter, String expectedType, String message) {
        super(code, message);
        this.parameter = parameter;
        this.expectedType = expectedType;
    }

    static QueryParameterException notAnObject(String found) {
        return new QueryParameterException(QueryErrorCode.PARAMS_NOT_OBJECT, null, null,
                "params must be a JSON object, got " + found);
    }

    static QueryParameterException missing(String parameter, String expectedType) {
        Objects.requireNonNull(parameter, "parameter");
        return new QueryParameterException(QueryErrorCode.PARAMETER_MISSING, parameter, expectedType,
                "missing required parameter '$" + parameter + "' of type " + expectedType);
    }

    static QueryParameterException mismatch(String parameter, String expectedType, String problem) {
        Objects.requireNonNull(parameter, "parameter");
        return new QueryParameterException(QueryErrorCode.PARAMETER_TYPE_MISMATCH, parameter, expectedType,
                "parameter '$" + parameter + "' expects " + expectedType + ": " + problem);
    }

    /** The parameter's name without {@code $}; empty when the whole parameter object is wrong. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }

    /** The declared type's spelling ({@code I32}, {@code [String]?}, …), when one parameter is at fault. */
    public Optional<String> expectedType() {
        return Optional.ofNullable(expectedType);
    }
}
