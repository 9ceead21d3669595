package dev.omnigraph.domain.serving;

import dev.omnigraph.domain.graph.GraphErrorKind;
import java.util.Optional;

/** How an engine failure reads on the served API (reference status mapping, HTTP §10). */
public final class ApiErrors {

    private ApiErrors() {}

    /**
     * The API error for an engine failure of {@code kind}. A precondition failure gets its detail from the
     * caller (only it knows the expected head), see {@link #preconditionFailed}.
     */
    public static ApiError fromEngine(GraphErrorKind kind, String message) {
        return switch (kind) {
            case BAD_REQUEST -> ApiError.badRequest(message);
            case GRAPH_NOT_FOUND, BRANCH_NOT_FOUND, COMMIT_NOT_FOUND -> ApiError.notFound(message);
            case ALREADY_INITIALIZED, INITIALIZATION_CLAIMED, KEY_CONFLICT, CONFLICT -> ApiError.conflict(message);
            case RESOURCE_LIMIT_EXCEEDED -> ApiError.of(413, ApiErrorCode.BAD_REQUEST, message);
            case PRECONDITION_FAILED -> new ApiError(412, Optional.empty(), message, Optional.empty());
            case HISTORICAL_VERSION_RECLAIMED -> new ApiError(410, Optional.empty(), message, Optional.empty());
            case RECOVERY_REQUIRED -> new ApiError(503, Optional.empty(), message, Optional.empty());
            case SCHEMA_CONTRACT, STORAGE, INITIALIZATION_COMMITTED, INITIALIZATION_INDETERMINATE ->
                    ApiError.of(500, ApiErrorCode.INTERNAL, message);
            case NOT_SUPPORTED -> new ApiError(501, Optional.empty(), message, Optional.empty());
        };
    }

    /** 412 with {@code precondition_failure {expected, actual}} and no {@code code}. */
    public static ApiError preconditionFailed(String message, String expected, Optional<String> actual) {
        return new ApiError(412, Optional.empty(), message, Optional.of(
                new ApiErrorDetail.PreconditionFailure(expected, actual)));
    }

    /** 429 with {@code Retry-After}. */
    public static ApiError tooManyRequests(String message, long retryAfterSeconds) {
        return ApiError.of(429, ApiErrorCode.TOO_MANY_REQUESTS, message)
                .withDetail(new ApiErrorDetail.RetryAfter(retryAfterSeconds));
    }
}
