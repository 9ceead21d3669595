package dev.omnigraph.domain.serving;

import java.util.Objects;

/** A served request refused with an {@link ApiError}; front doors render the error, nothing else. */
public final class ServingException extends RuntimeException {
    private final transient ApiError error;

    public ServingException(ApiError error) {
        this(error, null);
    }

    public ServingException(ApiError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").message(), cause);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
