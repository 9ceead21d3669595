package dev.omnigraph.domain.access;

import java.util.Objects;

/**
 * The outcome of authenticating one request's {@code Authorization} header: the actor its bearer token
 * belongs to, or a 401 with the reference's message ({@link Missing}: no header or not a {@code Bearer}
 * one; {@link Invalid}: a bearer token no configured token matches).
 */
public sealed interface Authentication {

    String MISSING_MESSAGE = "missing bearer token";
    String INVALID_MESSAGE = "invalid bearer token";

    record Authenticated(String actor) implements Authentication {
        public Authenticated {
            Objects.requireNonNull(actor, "actor");
        }
    }

    record Missing() implements Authentication {
        public String message() {
            return MISSING_MESSAGE;
        }
    }

    record Invalid() implements Authentication {
        public String message() {
            return INVALID_MESSAGE;
        }
    }
}
