package dev.omnigraph.bootstrap.endtoend;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.omnigraph.adapters.grpc.v1.ErrorDetail;
import dev.omnigraph.adapters.grpc.v1.ExportChunk;
import dev.omnigraph.adapters.grpc.v1.ExportRequest;
import dev.omnigraph.adapters.grpc.v1.GraphServiceGrpc;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryRequest;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryResponse;
import dev.omnigraph.adapters.grpc.v1.LoadRequest;
import dev.omnigraph.adapters.grpc.v1.LoadResult;
import dev.omnigraph.adapters.grpc.v1.LoadTarget;
import dev.omnigraph.adapters.grpc.v1.QueryRequest;
import dev.omnigraph.adapters.grpc.v1.QueryResponse;
import dev.omnigraph.adapters.grpc.v1.ReadHeader;
import dev.omnigraph.adapters.grpc.v1.Row;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client of the built server's gRPC API, on the generated stubs: a plaintext channel to
 * {@code OMNIGRAPH_GRPC_LISTEN_ADDR}, stubs that send {@code authorization: Bearer <token>} (none for a null
 * token), and the streaming answers collected whole.
 */
final class GrpcClient implements AutoCloseable {

    private final ManagedChannel channel;

    GrpcClient(String address) {
        int colon = address.lastIndexOf(':');
        channel = Grpc.newChannelBuilderForAddress(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1)), InsecureChannelCredentials.create()).build();
    }

    ManagedChannel channel() {
        return channel;
    }

    /** A blocking stub sending {@code token} (null: no authorization metadata), with a one-minute deadline. */
    GraphServiceGrpc.GraphServiceBlockingStub as(String token) {
        GraphServiceGrpc.GraphServiceBlockingStub stub = GraphServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(1, TimeUnit.MINUTES);
        return token == null ? stub : stub.withCallCredentials(bearer(token));
    }

    GraphServiceGrpc.GraphServiceStub async(String token) {
        GraphServiceGrpc.GraphServiceStub stub = GraphServiceGrpc.newStub(channel);
        return token == null ? stub : stub.withCallCredentials(bearer(token));
    }

    static CallCredentials bearer(String token) {
        Metadata.Key<String> authorization = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(authorization, "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    /** A read answer collected: its header and every row. */
    record Read(ReadHeader header, List<Row> rows) {}

    Read query(String token, QueryRequest request) {
        Iterator<QueryResponse> parts = as(token).query(request);
        ReadHeader header = parts.next().getHeader();
        List<Row> rows = new ArrayList<>();
        parts.forEachRemaining(part -> rows.addAll(part.getRows().getRowsList()));
        return new Read(header, rows);
    }

    /** A stored query's answer: a read, or the change of a mutation. */
    record Invocation(Optional<Read> read, Optional<dev.omnigraph.adapters.grpc.v1.ChangeResult> change) {}

    Invocation invoke(String token, InvokeStoredQueryRequest request) {
        Iterator<InvokeStoredQueryResponse> parts = as(token).invokeStoredQuery(request);
        InvokeStoredQueryResponse first = parts.next();
        if (first.hasChange()) {
            return new Invocation(Optional.empty(), Optional.of(first.getChange()));
        }
        List<Row> rows = new ArrayList<>();
        parts.forEachRemaining(part -> rows.addAll(part.getRows().getRowsList()));
        return new Invocation(Optional.of(new Read(first.getHeader(), rows)), Optional.empty());
    }

    /** The export's chunks joined: the NDJSON body. */
    String export(String token, ExportRequest request) {
        StringBuilder body = new StringBuilder();
        Iterator<ExportChunk> chunks = as(token).export(request);
        chunks.forEachRemaining(chunk -> body.append(chunk.getNdjson().toString(StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** Streams {@code records} in chunks of {@code chunkBytes} after the target. */
    LoadResult load(String token, LoadTarget target, String records, int chunkBytes) {
        CompletableFuture<LoadResult> answer = new CompletableFuture<>();
        StreamObserver<LoadRequest> requests = async(token).withDeadlineAfter(5, TimeUnit.MINUTES)
                .load(new StreamObserver<>() {
                    @Override
                    public void onNext(LoadResult value) {
                        answer.complete(value);
                    }

                    @Override
                    public void onError(Throwable failed) {
                        answer.completeExceptionally(failed);
                    }

                    @Override
                    public void onCompleted() {
                        // the result came first
                    }
                });
        requests.onNext(LoadRequest.newBuilder().setTarget(target).build());
        ByteString bytes = ByteString.copyFromUtf8(records);
        for (int offset = 0; offset < bytes.size(); offset += chunkBytes) {
            requests.onNext(LoadRequest.newBuilder()
                    .setNdjson(bytes.substring(offset, Math.min(bytes.size(), offset + chunkBytes))).build());
        }
        requests.onCompleted();
        try {
            return answer.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof StatusRuntimeException refused) {
                throw refused;
            }
            throw new AssertionError(failed.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** The {@link ErrorDetail} of a refusal. */
    static ErrorDetail detail(StatusRuntimeException refused) {
        com.google.rpc.Status status = StatusProto.fromThrowable(refused);
        if (status == null) {
            throw new AssertionError("no status details: " + refused);
        }
        for (com.google.protobuf.Any any : status.getDetailsList()) {
            if (any.is(ErrorDetail.class)) {
                try {
                    return any.unpack(ErrorDetail.class);
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no ErrorDetail in " + status);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
