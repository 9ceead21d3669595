package dev.omnigraph.domain.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * The server's answer to one {@link AccessRequest}: allowed, denied with the HTTP status and the exact
 * message the error body carries ({@code 401} for a missing bearer token, {@code 403} otherwise; the body's
 * code is {@code unauthorized} or {@code forbidden}), or failed because the policy engine could not
 * evaluate ({@code 500}, message {@code policy: <reason>}).
 *
 * <p>Routes that must not reveal what exists (stored-query invocation reports an {@code invoke_query}
 * denial as an unknown query) remap a {@link Denied} themselves; they keep {@link Failed} and a 401 as is.
 */
public sealed interface AccessDecision {

    int UNAUTHORIZED = 401;
    int FORBIDDEN = 403;
    int INTERNAL = 500;

    boolean allowed();

    /** The bundle rule behind the decision, when an engine named one. */
    Optional<String> matchedRuleId();

    record Allowed(Optional<String> matchedRuleId) implements AccessDecision {
        public Allowed {
            Objects.requireNonNull(matchedRuleId, "matchedRuleId");
        }

        @Override
        public boolean allowed() {
            return true;
        }
    }

    record Denied(int status, String message, Optional<String> matchedRuleId) implements AccessDecision {
        public Denied {
            if (status != UNAUTHORIZED && status != FORBIDDEN) {
                throw new IllegalArgumentException("a denial is a 401 or a 403, not " + status);
            }
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(matchedRuleId, "matchedRuleId");
        }

        @Override
        public boolean allowed() {
            return false;
        }
    }

    record Failed(String message) implements AccessDecision {
        public Failed {
            Objects.requireNonNull(message, "message");
        }

        public int status() {
            return INTERNAL;
        }

        @Override
        public boolean allowed() {
            return false;
        }

        @Override
        public Optional<String> matchedRuleId() {
            return Optional.empty();
        }
    }
}
