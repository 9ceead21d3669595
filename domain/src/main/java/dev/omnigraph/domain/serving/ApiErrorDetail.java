package dev.omnigraph.domain.serving;

import java.util.Objects;
import java.util.Optional;

/**
 * The structured member an error body carries beside {@code error} and {@code code}; each variant is one
 * optional member of the reference's {@code ErrorOutput} (its JSON name given on the variant).
 */
public sealed interface ApiErrorDetail {

    /** {@code precondition_failure}: a conditional write found another head. */
    record PreconditionFailure(String expected, Optional<String> actual) implements ApiErrorDetail {
        public PreconditionFailure {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(actual, "actual");
        }
    }

    /** {@code recovery_required}: an interrupted write must be recovered first. */
    record RecoveryRequired(String operationId) implements ApiErrorDetail {
        public RecoveryRequired {
            Objects.requireNonNull(operationId, "operationId");
        }
    }

    /** {@code key_conflict}: a strict insert met an existing id. */
    record KeyConflict(String entityKind, String typeName, Optional<String> entityId) implements ApiErrorDetail {
        public KeyConflict {
            Objects.requireNonNull(entityKind, "entityKind");
            Objects.requireNonNull(typeName, "typeName");
            Objects.requireNonNull(entityId, "entityId");
        }
    }

    /** {@code resource_limit}: a hard limit would be exceeded. */
    record ResourceLimit(String resource, long limit, long actual) implements ApiErrorDetail {
        public ResourceLimit {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /** Not a body member: admission refused; the client may retry after this many seconds ({@code Retry-After}). */
    record RetryAfter(long seconds) implements ApiErrorDetail {}
}
