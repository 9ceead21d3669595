package dev.omnigraph.adapters.http.routes;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.omnigraph.adapters.http.openapi.ApiDescription;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrorCode;
import dev.omnigraph.domain.serving.ApiErrorDetail;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The reference's {@code ErrorOutput}: {@code error} and, when the refusal has one, the closed {@code code},
 * plus at most one structured detail member. Absent members are left out, as the reference does.
 */
final class ErrorBodies {

    private ErrorBodies() {}

    @ApiDescription("Every refusal: a human message, the stable code when there is one, and structured detail.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorOutput(
            @ApiDescription("Human-readable message.") String error,
            @ApiDescription(value = "Stable code; omitted for 412 precondition_failure, 503 recovery_required, "
                    + "424 and 410.", allowedValues = {"unauthorized", "forbidden", "bad_request", "not_found",
                    "method_not_allowed", "conflict", "too_many_requests", "internal"})
            @Nullable String code,
            @ApiDescription("Set when a strict insert met an existing id (409).")
            @Nullable KeyConflictOutput keyConflict,
            @ApiDescription("Set when a request exceeds a bounded ceiling (413).")
            @Nullable ResourceLimitOutput resourceLimit,
            @ApiDescription("Set when an interrupted write must be recovered first (503).")
            @Nullable RecoveryRequiredOutput recoveryRequired,
            @ApiDescription("Set when a conditional write found another head (412).")
            @Nullable PreconditionFailureOutput preconditionFailure) {

        /** The body of {@code error}. The retry hint is a header, not a member, so it is not rendered here. */
        static ErrorOutput of(ApiError error) {
            KeyConflictOutput keyConflict = null;
            ResourceLimitOutput resourceLimit = null;
            RecoveryRequiredOutput recoveryRequired = null;
            PreconditionFailureOutput preconditionFailure = null;
            if (error.detail().isPresent()) {
                ApiErrorDetail detail = error.detail().get();
                if (detail instanceof ApiErrorDetail.KeyConflict conflict) {
                    keyConflict = new KeyConflictOutput(conflict.entityKind(), conflict.typeName(),
                            conflict.entityId().orElse(null));
                } else if (detail instanceof ApiErrorDetail.ResourceLimit limit) {
                    resourceLimit = new ResourceLimitOutput(limit.resource(), limit.limit(), limit.actual());
                } else if (detail instanceof ApiErrorDetail.RecoveryRequired recovery) {
                    recoveryRequired = new RecoveryRequiredOutput(recovery.operationId());
                } else if (detail instanceof ApiErrorDetail.PreconditionFailure precondition) {
                    preconditionFailure = new PreconditionFailureOutput(precondition.expected(),
                            precondition.actual().orElse(null));
                }
            }
            return new ErrorOutput(error.message(), error.code().map(ApiErrorCode::wireName).orElse(null),
                    keyConflict, resourceLimit, recoveryRequired, preconditionFailure);
        }
    }

    @ApiDescription("The key a strict insert collided with.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyConflictOutput(
            @ApiDescription(value = "Node or edge.", allowedValues = {"node", "edge"}) String entityKind,
            String typeName,
            @Nullable String entityId) {}

    @ApiDescription("The ceiling a request would exceed.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResourceLimitOutput(String resource, long limit, long actual) {}

    @ApiDescription("The interrupted operation that must be recovered first.")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RecoveryRequiredOutput(String operationId) {}

    @ApiDescription("The head a conditional write expected, and the head it found (absent on an empty branch).")
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PreconditionFailureOutput(String expected, @Nullable String actual) {}
}
