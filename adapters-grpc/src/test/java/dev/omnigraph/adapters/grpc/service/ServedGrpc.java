package dev.omnigraph.adapters.grpc.service;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.omnigraph.adapters.grpc.GrpcServerSettings;
import dev.omnigraph.adapters.grpc.GrpcServerStarter;
import dev.omnigraph.adapters.grpc.RunningGrpcServer;
import dev.omnigraph.adapters.grpc.v1.ErrorDetail;
import dev.omnigraph.adapters.grpc.v1.GraphServiceGrpc;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.mockito.Mockito;

/**
 * A real gRPC server on a free port in front of a Mockito {@link ServeGraphsUseCase}, and a plaintext channel
 * to it. The use case accepts exactly one token, {@value #TOKEN}, as actor {@value #ACTOR}, and applies the
 * contract's refusals to anything else.
 */
final class ServedGrpc implements AutoCloseable {

    static final String TOKEN = "secret-token";
    static final String ACTOR = "act-alice";

    final ServeGraphsUseCase serving = mock(ServeGraphsUseCase.class);
    final RunningGrpcServer server;
    final ManagedChannel channel;

    ServedGrpc() {
        this(Duration.ofSeconds(5));
    }

    ServedGrpc(Duration gracePeriod) {
        stubAuthentication();
        server = GrpcServerStarter.start(serving, new GrpcServerSettings("127.0.0.1", 0, gracePeriod, Map.of()));
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create())
                .build();
    }

    /** Forgets every stub and call but the authentication rules. */
    void reset() {
        Mockito.reset(serving);
        stubAuthentication();
    }

    private void stubAuthentication() {
        when(serving.requiresBearerAuth()).thenReturn(true);
        when(serving.authenticate(any())).thenAnswer(invocation -> {
            Optional<String> header = invocation.getArgument(0);
            if (header.isEmpty() || !header.get().startsWith("Bearer ")) {
                throw new ServingException(ApiError.unauthorized("missing bearer token"));
            }
            if (!header.get().equals("Bearer " + TOKEN)) {
                throw new ServingException(ApiError.unauthorized("invalid bearer token"));
            }
            return Caller.actor(ACTOR);
        });
    }

    static Caller alice() {
        return Caller.actor(ACTOR);
    }

    /** Sends {@code authorization: <value>} with every call. */
    static CallCredentials authorization(String value) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(AuthorizationCapture.AUTHORIZATION, value);
                applier.apply(headers);
            }
        };
    }

    GraphServiceGrpc.GraphServiceBlockingStub blocking() {
        return GraphServiceGrpc.newBlockingStub(channel).withCallCredentials(authorization("Bearer " + TOKEN))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    GraphServiceGrpc.GraphServiceStub async() {
        return GraphServiceGrpc.newStub(channel).withCallCredentials(authorization("Bearer " + TOKEN));
    }

    /** The {@link ErrorDetail} a refusal carries. */
    static ErrorDetail detail(StatusRuntimeException refused) {
        com.google.rpc.Status status = StatusProto.fromThrowable(refused);
        if (status == null) {
            throw new AssertionError("no status details in " + refused);
        }
        try {
            for (com.google.protobuf.Any any : status.getDetailsList()) {
                if (any.is(ErrorDetail.class)) {
                    return any.unpack(ErrorDetail.class);
                }
            }
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no ErrorDetail in " + status);
    }

    static Status.Code code(StatusRuntimeException refused) {
        return refused.getStatus().getCode();
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.close();
    }
}
