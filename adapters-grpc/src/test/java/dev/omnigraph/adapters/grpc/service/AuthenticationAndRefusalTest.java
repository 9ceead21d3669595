package dev.omnigraph.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.RetryInfo;
import dev.omnigraph.adapters.grpc.v1.ErrorDetail;
import dev.omnigraph.adapters.grpc.v1.GetSnapshotRequest;
import dev.omnigraph.adapters.grpc.v1.GraphServiceGrpc;
import dev.omnigraph.adapters.grpc.v1.ListGraphsRequest;
import dev.omnigraph.adapters.grpc.v1.MutateRequest;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ApiErrors;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.ServedGraphListResult;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code authorization} metadata reaches the use case untouched (which alone decides), refusals become
 * the documented status codes with HTTP's code string in the details and trailers, and health and
 * reflection need no token.
 */
class AuthenticationAndRefusalTest {

    private static ServedGrpc grpc;

    @BeforeAll
    static void start() {
        grpc = new ServedGrpc();
    }

    @AfterAll
    static void stop() {
        grpc.close();
    }

    @BeforeEach
    void forgetCalls() {
        grpc.reset();
    }

    private static GraphServiceGrpc.GraphServiceBlockingStub withAuthorization(String value) {
        GraphServiceGrpc.GraphServiceBlockingStub stub = GraphServiceGrpc.newBlockingStub(grpc.channel)
                .withDeadlineAfter(30, TimeUnit.SECONDS);
        return value == null ? stub : stub.withCallCredentials(ServedGrpc.authorization(value));
    }

    @Test
    void theAuthorizationMetadataDecidesTheCallerThroughTheUseCase() {
        when(grpc.serving.listGraphs(ServedGrpc.alice())).thenReturn(new ServedGraphListResult(List.of()));
        withAuthorization("Bearer " + ServedGrpc.TOKEN).listGraphs(ListGraphsRequest.getDefaultInstance());
        verify(grpc.serving).authenticate(Optional.of("Bearer " + ServedGrpc.TOKEN));

        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () ->
                withAuthorization(null).listGraphs(ListGraphsRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, ServedGrpc.code(missing));
        assertEquals("missing bearer token", missing.getStatus().getDescription());
        assertEquals("unauthorized", ServedGrpc.detail(missing).getCode());
        assertEquals(401, ServedGrpc.detail(missing).getHttpStatus());
        assertEquals("unauthorized", missing.getTrailers().get(RefusalStatus.ERROR_CODE));
        verify(grpc.serving).authenticate(Optional.empty());

        StatusRuntimeException lowercase = assertThrows(StatusRuntimeException.class, () ->
                withAuthorization("bearer " + ServedGrpc.TOKEN).listGraphs(ListGraphsRequest.getDefaultInstance()));
        assertEquals("missing bearer token", lowercase.getStatus().getDescription());
        StatusRuntimeException wrong = assertThrows(StatusRuntimeException.class, () ->
                withAuthorization("Bearer nope").listGraphs(ListGraphsRequest.getDefaultInstance()));
        assertEquals("invalid bearer token", wrong.getStatus().getDescription());
        verify(grpc.serving).listGraphs(any());
    }

    @Test
    void anUnauthenticatedCallNeverReachesTheOperation() {
        assertThrows(StatusRuntimeException.class, () -> withAuthorization(null)
                .mutate(MutateRequest.newBuilder().setGraphId("g1").setQuery("m").build()));
        verify(grpc.serving, never()).mutate(any(), any());
    }

    private static StatusRuntimeException refusedWith(ApiError error) {
        grpc.reset();
        when(grpc.serving.snapshot(any(), any())).thenThrow(new ServingException(error));
        return assertThrows(StatusRuntimeException.class, () -> grpc.blocking()
                .getSnapshot(GetSnapshotRequest.newBuilder().setGraphId("g1").build()));
    }

    @Test
    void everyRefusalHasItsDocumentedCodeAndCarriesTheHttpErrorBody() {
        record Case(ApiError error, Status.Code code, String wireCode) {}
        List<Case> cases = List.of(
                new Case(ApiError.badRequest("bad"), Status.Code.INVALID_ARGUMENT, "bad_request"),
                new Case(ApiError.unauthorized("missing bearer token"), Status.Code.UNAUTHENTICATED, "unauthorized"),
                new Case(ApiError.forbidden("policy denied"), Status.Code.PERMISSION_DENIED, "forbidden"),
                new Case(ApiError.graphNotFound("g1"), Status.Code.NOT_FOUND, "not_found"),
                new Case(ApiError.conflict("key conflict"), Status.Code.ABORTED, "conflict"),
                new Case(ApiErrors.preconditionFailed("moved", "c-1", Optional.of("c-2")),
                        Status.Code.FAILED_PRECONDITION, ""),
                new Case(ApiErrors.tooManyRequests("too many in flight", 60), Status.Code.RESOURCE_EXHAUSTED,
                        "too_many_requests"),
                new Case(new ApiError(503, Optional.empty(), "recover first", Optional.empty()),
                        Status.Code.UNAVAILABLE, ""),
                new Case(ApiError.of(500, dev.omnigraph.domain.serving.ApiErrorCode.INTERNAL, "storage: gone"),
                        Status.Code.INTERNAL, "internal"));
        for (Case expected : cases) {
            StatusRuntimeException refused = refusedWith(expected.error());
            assertEquals(expected.code(), ServedGrpc.code(refused), expected.toString());
            assertEquals(expected.error().message(), refused.getStatus().getDescription());
            ErrorDetail detail = ServedGrpc.detail(refused);
            assertEquals(expected.wireCode(), detail.getCode(), expected.toString());
            assertEquals(expected.error().status(), detail.getHttpStatus());
            assertEquals(expected.wireCode().isEmpty() ? null : expected.wireCode(),
                    refused.getTrailers().get(RefusalStatus.ERROR_CODE));
        }
    }

    @Test
    void aLostConditionalWriteCarriesTheHeadsAndAnAdmissionRefusalCarriesRetryInfo() throws InvalidProtocolBufferException {
        StatusRuntimeException lost = refusedWith(ApiErrors.preconditionFailed("moved", "c-1", Optional.of("c-2")));
        assertEquals("c-1", ServedGrpc.detail(lost).getPreconditionFailure().getExpected());
        assertEquals("c-2", ServedGrpc.detail(lost).getPreconditionFailure().getActual());

        StatusRuntimeException busy = refusedWith(ApiErrors.tooManyRequests("too many in flight", 60));
        com.google.rpc.Status status = StatusProto.fromThrowable(busy);
        RetryInfo retry = status.getDetailsList().stream().filter(any -> any.is(RetryInfo.class)).findFirst()
                .orElseThrow().unpack(RetryInfo.class);
        assertEquals(60, retry.getRetryDelay().getSeconds());

        StatusRuntimeException tooLarge = refusedWith(ApiError.of(413, dev.omnigraph.domain.serving.ApiErrorCode.BAD_REQUEST,
                "too large"));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, ServedGrpc.code(tooLarge));
        assertFalse(StatusProto.fromThrowable(tooLarge).getDetailsList().stream().anyMatch(any -> any.is(RetryInfo.class)),
                "an oversized request is not worth retrying: no RetryInfo");
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorWithoutItsDetails() {
        when(grpc.serving.snapshot(any(), any())).thenThrow(new IllegalStateException("secret internals"));
        StatusRuntimeException failed = assertThrows(StatusRuntimeException.class, () -> grpc.blocking()
                .getSnapshot(GetSnapshotRequest.newBuilder().setGraphId("g1").build()));
        assertEquals(Status.Code.INTERNAL, ServedGrpc.code(failed));
        assertEquals("internal error", failed.getStatus().getDescription());
        assertEquals("internal", ServedGrpc.detail(failed).getCode());
    }

    @Test
    void healthAndReflectionNeedNoToken() throws Exception {
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(grpc.channel);
        assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                health.check(HealthCheckRequest.newBuilder().setService(GraphServiceGrpc.SERVICE_NAME).build()).getStatus());

        CompletableFuture<ServerReflectionResponse> listed = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(grpc.channel)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        listed.complete(value);
                    }

                    @Override
                    public void onError(Throwable failed) {
                        listed.completeExceptionally(failed);
                    }

                    @Override
                    public void onCompleted() {
                        // the answer came first
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
        requests.onCompleted();
        List<String> services = listed.get(30, TimeUnit.SECONDS).getListServicesResponse().getServiceList().stream()
                .map(service -> service.getName()).toList();
        assertTrue(services.contains("omnigraph.v1.GraphService"), services.toString());
        assertTrue(services.contains("grpc.health.v1.Health"), services.toString());
        verify(grpc.serving, never()).authenticate(eq(Optional.empty()));
    }
}
