package dev.omnigraph.adapters.grpc.service;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.RetryInfo;
import dev.omnigraph.adapters.grpc.v1.ErrorDetail;
import dev.omnigraph.adapters.grpc.v1.KeyConflict;
import dev.omnigraph.adapters.grpc.v1.PreconditionFailure;
import dev.omnigraph.adapters.grpc.v1.RecoveryRequired;
import dev.omnigraph.adapters.grpc.v1.ResourceLimit;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrorCode;
import dev.omnigraph.domain.serving.ApiErrorDetail;
import dev.omnigraph.domain.serving.ServingException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every refusal of the served API as a gRPC status. The HTTP status of the {@link ApiError} picks the gRPC
 * code; the error body travels along: the status details hold an {@link ErrorDetail} (HTTP status, code
 * string, detail member) and, for admission refusals, a {@code google.rpc.RetryInfo}; the code string is also
 * the {@value #ERROR_CODE_KEY} trailer for clients that read no details.
 *
 * <table>
 *   <caption>HTTP status to gRPC code</caption>
 *   <tr><th>HTTP</th><th>gRPC</th></tr>
 *   <tr><td>400, 415</td><td>INVALID_ARGUMENT</td></tr>
 *   <tr><td>401</td><td>UNAUTHENTICATED</td></tr>
 *   <tr><td>403</td><td>PERMISSION_DENIED</td></tr>
 *   <tr><td>404, 410</td><td>NOT_FOUND</td></tr>
 *   <tr><td>409</td><td>ABORTED</td></tr>
 *   <tr><td>412, 424</td><td>FAILED_PRECONDITION</td></tr>
 *   <tr><td>413</td><td>RESOURCE_EXHAUSTED without RetryInfo (gRPC's own answer to an oversized message)</td></tr>
 *   <tr><td>429</td><td>RESOURCE_EXHAUSTED with RetryInfo</td></tr>
 *   <tr><td>501</td><td>UNIMPLEMENTED</td></tr>
 *   <tr><td>503</td><td>UNAVAILABLE</td></tr>
 *   <tr><td>other 4xx / 5xx</td><td>INVALID_ARGUMENT / INTERNAL</td></tr>
 * </table>
 */
final class RefusalStatus {

    static final String ERROR_CODE_KEY = "omnigraph-error-code";
    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of(ERROR_CODE_KEY, Metadata.ASCII_STRING_MARSHALLER);

    private static final Logger LOG = LoggerFactory.getLogger(RefusalStatus.class);

    private RefusalStatus() {}

    /** The gRPC code a refusal with this HTTP status gets. */
    static Status.Code code(int httpStatus) {
        return switch (httpStatus) {
            case 400, 415 -> Status.Code.INVALID_ARGUMENT;
            case 401 -> Status.Code.UNAUTHENTICATED;
            case 403 -> Status.Code.PERMISSION_DENIED;
            case 404, 410 -> Status.Code.NOT_FOUND;
            case 409 -> Status.Code.ABORTED;
            case 412, 424 -> Status.Code.FAILED_PRECONDITION;
            case 413, 429 -> Status.Code.RESOURCE_EXHAUSTED;
            case 501 -> Status.Code.UNIMPLEMENTED;
            case 503 -> Status.Code.UNAVAILABLE;
            default -> httpStatus < 500 ? Status.Code.INVALID_ARGUMENT : Status.Code.INTERNAL;
        };
    }

    /** The status for {@code error}, with its detail and trailer. */
    static StatusRuntimeException of(ApiError error) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code(error.status()).value())
                .setMessage(error.message())
                .addDetails(Any.pack(detail(error)));
        if (error.detail().orElse(null) instanceof ApiErrorDetail.RetryAfter retry) {
            status.addDetails(Any.pack(RetryInfo.newBuilder()
                    .setRetryDelay(Duration.newBuilder().setSeconds(retry.seconds())).build()));
        }
        Metadata trailers = new Metadata();
        error.code().ifPresent(code -> trailers.put(ERROR_CODE, code.wireName()));
        return StatusProto.toStatusRuntimeException(status.build(), trailers);
    }

    /**
     * The status for anything a call threw: a use-case refusal as above, an invalid command argument as
     * {@code 400 bad_request}, a status as is, anything else as a logged {@code 500 internal} whose details
     * stay in the log.
     */
    static StatusRuntimeException of(Throwable failure, String operation) {
        if (failure instanceof ServingException refused) {
            if (refused.error().status() >= 500) {
                LOG.warn("{} answered {}: {}", operation, refused.error().status(), refused.getMessage());
                LOG.debug("cause of the {} answer", refused.error().status(), refused);
            }
            return of(refused.error());
        }
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof IllegalArgumentException invalid) {
            return of(ApiError.badRequest(invalid.getMessage()));
        }
        LOG.error("{} failed unexpectedly", operation, failure);
        return of(ApiError.of(500, ApiErrorCode.INTERNAL, "internal error"));
    }

    static ErrorDetail detail(ApiError error) {
        ErrorDetail.Builder detail = ErrorDetail.newBuilder()
                .setHttpStatus(error.status())
                .setCode(error.code().map(ApiErrorCode::wireName).orElse(""));
        error.detail().ifPresent(member -> {
            if (member instanceof ApiErrorDetail.PreconditionFailure failed) {
                PreconditionFailure.Builder precondition = PreconditionFailure.newBuilder().setExpected(failed.expected());
                failed.actual().ifPresent(precondition::setActual);
                detail.setPreconditionFailure(precondition);
            } else if (member instanceof ApiErrorDetail.KeyConflict conflict) {
                KeyConflict.Builder key = KeyConflict.newBuilder().setEntityKind(conflict.entityKind())
                        .setTypeName(conflict.typeName());
                conflict.entityId().ifPresent(key::setEntityId);
                detail.setKeyConflict(key);
            } else if (member instanceof ApiErrorDetail.ResourceLimit limit) {
                detail.setResourceLimit(ResourceLimit.newBuilder().setResource(limit.resource())
                        .setLimit(limit.limit()).setActual(limit.actual()));
            } else if (member instanceof ApiErrorDetail.RecoveryRequired recovery) {
                detail.setRecoveryRequired(RecoveryRequired.newBuilder().setOperationId(recovery.operationId()));
            }
            // RetryAfter is no body member over HTTP either: it travels as RetryInfo
        });
        return detail.build();
    }
}
