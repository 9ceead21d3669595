package dev.omnigraph.domain.serving;

/** The closed set of {@code code} values of the reference's error body. */
public enum ApiErrorCode {
    UNAUTHORIZED("unauthorized"),
    FORBIDDEN("forbidden"),
    BAD_REQUEST("bad_request"),
    NOT_FOUND("not_found"),
    METHOD_NOT_ALLOWED("method_not_allowed"),
    CONFLICT("conflict"),
    TOO_MANY_REQUESTS("too_many_requests"),
    INTERNAL("internal");

    private final String wireName;

    ApiErrorCode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
