package dev.omnigraph.domain.serving;

import java.util.Objects;
import java.util.Optional;

/**
 * A refusal as the served API reports it: HTTP status, the optional stable {@code code} (omitted by the
 * reference for 412, 503 recovery_required, 424 and 410), the human message and an optional detail.
 */
public record ApiError(int status, Optional<ApiErrorCode> code, String message, Optional<ApiErrorDetail> detail) {
    public ApiError {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error has a 4xx or 5xx status, not " + status);
        }
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(detail, "detail");
    }

    public static ApiError of(int status, ApiErrorCode code, String message) {
        return new ApiError(status, Optional.of(code), message, Optional.empty());
    }

    public static ApiError badRequest(String message) {
        return of(400, ApiErrorCode.BAD_REQUEST, message);
    }

    public static ApiError unauthorized(String message) {
        return of(401, ApiErrorCode.UNAUTHORIZED, message);
    }

    public static ApiError forbidden(String message) {
        return of(403, ApiErrorCode.FORBIDDEN, message);
    }

    public static ApiError notFound(String message) {
        return of(404, ApiErrorCode.NOT_FOUND, message);
    }

    public static ApiError conflict(String message) {
        return of(409, ApiErrorCode.CONFLICT, message);
    }

    /** The 404 every route of an unknown or quarantined graph answers, identical for both. */
    public static ApiError graphNotFound(String graphId) {
        return notFound("graph '" + graphId + "' not found");
    }

    /** The 404 of an unknown stored query, also given for an {@code invoke_query} denial. */
    public static ApiError storedQueryNotFound(String name) {
        return notFound("stored query '" + name + "' not found");
    }

    public ApiError withDetail(ApiErrorDetail newDetail) {
        return new ApiError(status, code, message, Optional.of(newDetail));
    }
}
