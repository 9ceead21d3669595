package dev.omnigraph.adapters.grpc.service;

import dev.omnigraph.adapters.grpc.v1.ChangeResult;
import dev.omnigraph.adapters.grpc.v1.Commit;
import dev.omnigraph.adapters.grpc.v1.CreateBranchRequest;
import dev.omnigraph.adapters.grpc.v1.CreateBranchResponse;
import dev.omnigraph.adapters.grpc.v1.DeleteBranchRequest;
import dev.omnigraph.adapters.grpc.v1.DeleteBranchResponse;
import dev.omnigraph.adapters.grpc.v1.ExportChunk;
import dev.omnigraph.adapters.grpc.v1.ExportRequest;
import dev.omnigraph.adapters.grpc.v1.GetCommitRequest;
import dev.omnigraph.adapters.grpc.v1.GetSchemaRequest;
import dev.omnigraph.adapters.grpc.v1.GetSnapshotRequest;
import dev.omnigraph.adapters.grpc.v1.GraphServiceGrpc;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryRequest;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryResponse;
import dev.omnigraph.adapters.grpc.v1.ListBranchesRequest;
import dev.omnigraph.adapters.grpc.v1.ListBranchesResponse;
import dev.omnigraph.adapters.grpc.v1.ListCommitsRequest;
import dev.omnigraph.adapters.grpc.v1.ListCommitsResponse;
import dev.omnigraph.adapters.grpc.v1.ListGraphsRequest;
import dev.omnigraph.adapters.grpc.v1.ListGraphsResponse;
import dev.omnigraph.adapters.grpc.v1.ListStoredQueriesRequest;
import dev.omnigraph.adapters.grpc.v1.ListStoredQueriesResponse;
import dev.omnigraph.adapters.grpc.v1.LoadRequest;
import dev.omnigraph.adapters.grpc.v1.LoadResult;
import dev.omnigraph.adapters.grpc.v1.MutateRequest;
import dev.omnigraph.adapters.grpc.v1.QueryRequest;
import dev.omnigraph.adapters.grpc.v1.QueryResponse;
import dev.omnigraph.adapters.grpc.v1.ReadHeader;
import dev.omnigraph.adapters.grpc.v1.Row;
import dev.omnigraph.adapters.grpc.v1.RowBatch;
import dev.omnigraph.adapters.grpc.v1.Schema;
import dev.omnigraph.adapters.grpc.v1.Snapshot;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.ports.in.InvokeStoredQueryCommand;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import dev.omnigraph.ports.in.ServedBranchCreateCommand;
import dev.omnigraph.ports.in.ServedChangeResult;
import dev.omnigraph.ports.in.ServedExportCommand;
import dev.omnigraph.ports.in.ServedMutateCommand;
import dev.omnigraph.ports.in.ServedReadCommand;
import dev.omnigraph.ports.in.ServedReadResult;
import dev.omnigraph.ports.in.ServedSnapshotQuery;
import dev.omnigraph.ports.in.StoredQueryInvocationResult;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code omnigraph.v1.GraphService} over the one {@link ServeGraphsUseCase}. Every RPC authenticates the
 * call's {@code authorization} metadata through the use case first (as HTTP's filter does), then makes exactly
 * the use-case call of the matching HTTP route; refusals become statuses through {@link RefusalStatus}.
 *
 * <p>Unary RPCs run on micronaut-grpc's I/O executor (never on a transport thread); one whose deadline has
 * already passed or whose client has gone is not run. Streaming answers (query rows, stored reads, exports)
 * are produced on the blocking executor through an {@link OutboundStream}, which honours flow control and
 * stops the producer when the call is cancelled.
 */
@Singleton
final class GraphServiceEndpoint extends GraphServiceGrpc.GraphServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(GraphServiceEndpoint.class);
    /** A row batch is sent once it holds this many rows ... */
    static final int BATCH_ROWS = 1_000;
    /** ... or this many bytes, well below the 4 MiB a client accepts by default. */
    static final int BATCH_BYTES = 64 * 1024;

    private final ServeGraphsUseCase serving;
    private final ExecutorService producers;

    GraphServiceEndpoint(ServeGraphsUseCase serving, @Named(TaskExecutors.BLOCKING) ExecutorService producers) {
        this.serving = serving;
        this.producers = producers;
    }

    // ---- graphs, snapshots, schema, catalog ---------------------------------------------------------

    @Override
    public void listGraphs(ListGraphsRequest request, StreamObserver<ListGraphsResponse> responses) {
        unary("ListGraphs", responses, caller -> ResultMessages.graphList(serving.listGraphs(caller)));
    }

    @Override
    public void getSnapshot(GetSnapshotRequest request, StreamObserver<Snapshot> responses) {
        unary("GetSnapshot", responses, caller -> ResultMessages.snapshot(serving.snapshot(caller,
                new ServedSnapshotQuery(RequestArguments.graphId(request.getGraphId()),
                        RequestArguments.optional(request.getBranch())))));
    }

    @Override
    public void getSchema(GetSchemaRequest request, StreamObserver<Schema> responses) {
        unary("GetSchema", responses, caller -> ResultMessages.schema(
                serving.schema(caller, RequestArguments.graphId(request.getGraphId()))));
    }

    @Override
    public void listStoredQueries(ListStoredQueriesRequest request, StreamObserver<ListStoredQueriesResponse> responses) {
        unary("ListStoredQueries", responses, caller -> ResultMessages.catalog(
                serving.listStoredQueries(caller, RequestArguments.graphId(request.getGraphId()))));
    }

    // ---- reads and writes ---------------------------------------------------------------------------

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> responses) {
        streaming("Query on graph '" + request.getGraphId() + "'", responses, (caller, stream) -> {
            ServedReadResult result = serving.read(caller, new ServedReadCommand(
                    RequestArguments.graphId(request.getGraphId()), request.getQuery(),
                    RequestArguments.optional(request.getName()),
                    RequestArguments.paramsJson(request.hasParams(), request.getParams()),
                    RequestArguments.optional(request.getBranch()), RequestArguments.optional(request.getSnapshot())));
            sendRead(result, stream, header -> QueryResponse.newBuilder().setHeader(header).build(),
                    rows -> QueryResponse.newBuilder().setRows(rows).build());
        });
    }

    @Override
    public void invokeStoredQuery(InvokeStoredQueryRequest request, StreamObserver<InvokeStoredQueryResponse> responses) {
        streaming("InvokeStoredQuery '" + request.getName() + "' on graph '" + request.getGraphId() + "'",
                responses, (caller, stream) -> {
            StoredQueryInvocationResult result = serving.invokeStoredQuery(caller, new InvokeStoredQueryCommand(
                    RequestArguments.graphId(request.getGraphId()), requireName(request.getName()),
                    RequestArguments.paramsJson(request.hasParams(), request.getParams()),
                    RequestArguments.optional(request.getBranch()), RequestArguments.optional(request.getSnapshot()),
                    request.hasExpectMutation() ? Optional.of(request.getExpectMutation()) : Optional.empty(),
                    request.hasExpectedHeadCommit() ? Optional.of(request.getExpectedHeadCommit()) : Optional.empty()));
            if (result instanceof ServedReadResult read) {
                sendRead(read, stream, header -> InvokeStoredQueryResponse.newBuilder().setHeader(header).build(),
                        rows -> InvokeStoredQueryResponse.newBuilder().setRows(rows).build());
            } else {
                stream.send(InvokeStoredQueryResponse.newBuilder()
                        .setChange(ResultMessages.change((ServedChangeResult) result)).build());
            }
        });
    }

    private static String requireName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the stored query name must not be empty");
        }
        return name;
    }

    @Override
    public void mutate(MutateRequest request, StreamObserver<ChangeResult> responses) {
        unary("Mutate", responses, caller -> ResultMessages.change(serving.mutate(caller, new ServedMutateCommand(
                RequestArguments.graphId(request.getGraphId()), request.getQuery(),
                RequestArguments.optional(request.getName()),
                RequestArguments.paramsJson(request.hasParams(), request.getParams()),
                RequestArguments.optional(request.getBranch()),
                request.hasExpectedHeadCommit() ? Optional.of(request.getExpectedHeadCommit()) : Optional.empty()))));
    }

    @Override
    public StreamObserver<LoadRequest> load(StreamObserver<LoadResult> responses) {
        return new LoadUpload(serving, responses);
    }

    @Override
    public void export(ExportRequest request, StreamObserver<ExportChunk> responses) {
        streaming("Export of graph '" + request.getGraphId() + "'", responses, (caller, stream) -> {
            ExportChunks chunks = new ExportChunks(stream);
            serving.export(caller, new ServedExportCommand(RequestArguments.graphId(request.getGraphId()),
                    RequestArguments.optional(request.getBranch()), request.getTypeNamesList()), chunks);
            chunks.flush();
        });
    }

    // ---- branches and commits -----------------------------------------------------------------------

    @Override
    public void createBranch(CreateBranchRequest request, StreamObserver<CreateBranchResponse> responses) {
        unary("CreateBranch", responses, caller -> ResultMessages.branchCreated(serving.createBranch(caller,
                new ServedBranchCreateCommand(RequestArguments.graphId(request.getGraphId()), request.getName(),
                        RequestArguments.optional(request.getFrom())))));
    }

    @Override
    public void listBranches(ListBranchesRequest request, StreamObserver<ListBranchesResponse> responses) {
        unary("ListBranches", responses, caller -> ResultMessages.branches(
                serving.listBranches(caller, RequestArguments.graphId(request.getGraphId()))));
    }

    @Override
    public void deleteBranch(DeleteBranchRequest request, StreamObserver<DeleteBranchResponse> responses) {
        unary("DeleteBranch", responses, caller -> ResultMessages.branchDeleted(serving.deleteBranch(caller,
                RequestArguments.graphId(request.getGraphId()), request.getName())));
    }

    @Override
    public void listCommits(ListCommitsRequest request, StreamObserver<ListCommitsResponse> responses) {
        unary("ListCommits", responses, caller -> ResultMessages.commits(serving.listCommits(caller,
                RequestArguments.graphId(request.getGraphId()), RequestArguments.optional(request.getBranch()))));
    }

    @Override
    public void getCommit(GetCommitRequest request, StreamObserver<Commit> responses) {
        unary("GetCommit", responses, caller -> ResultMessages.commit(serving.commit(caller,
                RequestArguments.graphId(request.getGraphId()), request.getGraphCommitId())));
    }

    // ---- shared steps -------------------------------------------------------------------------------

    /** The caller behind the call's {@code authorization} metadata (401 refusals come from the use case). */
    private Caller caller() {
        return serving.authenticate(AuthorizationCapture.current());
    }

    /** Runs a unary RPC on the calling thread: authenticate, call, answer or refuse. */
    private <T> void unary(String operation, StreamObserver<T> responses, Function<Caller, T> call) {
        if (Context.current().isCancelled()) {
            LOG.debug("{} not run: the call was cancelled or its deadline passed before it started", operation);
            return;
        }
        T answer;
        try {
            answer = call.apply(caller());
        } catch (RuntimeException refused) {
            responses.onError(RefusalStatus.of(refused, operation));
            return;
        }
        responses.onNext(answer);
        responses.onCompleted();
    }

    /**
     * Runs a server-streaming RPC on the blocking executor (in the call's context, so its metadata and
     * cancellation are visible there): authenticate, produce into the stream, complete, or end with the
     * refusal's status (also after messages were sent, so a cut-short stream never looks complete).
     */
    private <T> void streaming(String operation, StreamObserver<T> responses,
                               BiConsumer<Caller, OutboundStream<T>> producer) {
        OutboundStream<T> stream = new OutboundStream<>(responses);
        Runnable produce = Context.current().wrap(() -> {
            try {
                stream.ensureOpen();
                producer.accept(caller(), stream);
                stream.complete();
            } catch (OutboundStream.CallCancelledException cancelled) {
                LOG.info("{} stopped: {}", operation, cancelled.getMessage());
            } catch (RuntimeException refused) {
                if (stream.isCancelled()) {
                    LOG.info("{} stopped after its call was cancelled ({})", operation, refused.toString());
                } else {
                    stream.fail(RefusalStatus.of(refused, operation));
                }
            }
        });
        try {
            producers.execute(produce);
        } catch (RejectedExecutionException stopping) {
            responses.onError(RefusalStatus.of(new ApiError(503, Optional.empty(), "the server is stopping",
                    Optional.empty())));
        }
    }

    /** A read result as a header, then its rows in batches of at most {@link #BATCH_ROWS} rows / {@link #BATCH_BYTES}. */
    private static <T> void sendRead(ServedReadResult result, OutboundStream<T> stream, Function<ReadHeader, T> header,
                                     Function<RowBatch, T> batch) {
        ResultRows rows = new ResultRows(result.result());
        stream.send(header.apply(ResultMessages.readHeader(result, rows)));
        RowBatch.Builder pending = RowBatch.newBuilder();
        int pendingBytes = 0;
        for (List<Object> values : result.result().rows()) {
            Row row = rows.row(values);
            pending.addRows(row);
            pendingBytes += row.getSerializedSize();
            if (pending.getRowsCount() >= BATCH_ROWS || pendingBytes >= BATCH_BYTES) {
                stream.send(batch.apply(pending.build()));
                pending = RowBatch.newBuilder();
                pendingBytes = 0;
            }
        }
        if (pending.getRowsCount() > 0) {
            stream.send(batch.apply(pending.build()));
        }
    }
}
