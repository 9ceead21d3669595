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

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.omnigraph.adapters.grpc.v1.ChangeResult;
import dev.omnigraph.adapters.grpc.v1.Commit;
import dev.omnigraph.adapters.grpc.v1.CreateBranchRequest;
import dev.omnigraph.adapters.grpc.v1.CreateBranchResponse;
import dev.omnigraph.adapters.grpc.v1.DeleteBranchRequest;
import dev.omnigraph.adapters.grpc.v1.EntityKind;
import dev.omnigraph.adapters.grpc.v1.GetCommitRequest;
import dev.omnigraph.adapters.grpc.v1.GetSnapshotRequest;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryRequest;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryResponse;
import dev.omnigraph.adapters.grpc.v1.ListCommitsRequest;
import dev.omnigraph.adapters.grpc.v1.ListGraphsRequest;
import dev.omnigraph.adapters.grpc.v1.ListStoredQueriesRequest;
import dev.omnigraph.adapters.grpc.v1.LoadMode;
import dev.omnigraph.adapters.grpc.v1.LoadRequest;
import dev.omnigraph.adapters.grpc.v1.LoadResult;
import dev.omnigraph.adapters.grpc.v1.LoadTarget;
import dev.omnigraph.adapters.grpc.v1.MutateRequest;
import dev.omnigraph.adapters.grpc.v1.QueryRequest;
import dev.omnigraph.adapters.grpc.v1.QueryResponse;
import dev.omnigraph.adapters.grpc.v1.ReadHeader;
import dev.omnigraph.adapters.grpc.v1.Row;
import dev.omnigraph.adapters.grpc.v1.Snapshot;
import dev.omnigraph.domain.query.result.QueryResult;
import dev.omnigraph.domain.query.result.ResultColumn;
import dev.omnigraph.domain.query.typecheck.ScalarKind;
import dev.omnigraph.domain.query.typecheck.ValueType;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.InvokeStoredQueryCommand;
import dev.omnigraph.ports.in.ServedBranchCreateCommand;
import dev.omnigraph.ports.in.ServedBranchResult;
import dev.omnigraph.ports.in.ServedChangeResult;
import dev.omnigraph.ports.in.ServedCommitListResult;
import dev.omnigraph.ports.in.ServedGraphListResult;
import dev.omnigraph.ports.in.ServedLoadCommand;
import dev.omnigraph.ports.in.ServedLoadResult;
import dev.omnigraph.ports.in.ServedMutateCommand;
import dev.omnigraph.ports.in.ServedReadCommand;
import dev.omnigraph.ports.in.ServedReadResult;
import dev.omnigraph.ports.in.ServedSnapshotQuery;
import dev.omnigraph.ports.in.ServedSnapshotResult;
import dev.omnigraph.ports.in.StoredQueryCatalogResult;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Every RPC makes the use-case call of its HTTP route with the request's fields, and answers with the
 * result's members field for field: typed values in HTTP's row shape, optional members unset where HTTP
 * writes null, absent strings passed as empty optionals.
 */
class GraphServiceEndpointTest {

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

    static CommitResult commit() {
        return new CommitResult("c-2", "main", 8, Optional.of("c-1"), Optional.empty(), Optional.of(ServedGrpc.ACTOR),
                1_714_000_000_123_456L);
    }

    @Test
    void listGraphsAnswersTheServedGraphs() {
        when(grpc.serving.listGraphs(ServedGrpc.alice())).thenReturn(new ServedGraphListResult(List.of(
                new ServedGraphListResult.Graph("g1", "file:///data/g1.omni"))));
        var graphs = grpc.blocking().listGraphs(ListGraphsRequest.getDefaultInstance());
        assertEquals(1, graphs.getGraphsCount());
        assertEquals("g1", graphs.getGraphs(0).getGraphId());
        assertEquals("file:///data/g1.omni", graphs.getGraphs(0).getUri());
    }

    @Test
    void snapshotDescribesEveryType() {
        when(grpc.serving.snapshot(ServedGrpc.alice(), new ServedSnapshotQuery("g1", Optional.empty())))
                .thenReturn(new ServedSnapshotResult("main", 7, 6, List.of(
                        new ServedSnapshotResult.Dataset("Person", "node", "nodes/Person", 3, 12, Optional.empty()),
                        new ServedSnapshotResult.Dataset("Knows", "edge", "edges/Knows", 2, 4, Optional.of("dev")))));
        Snapshot snapshot = grpc.blocking().getSnapshot(GetSnapshotRequest.newBuilder().setGraphId("g1").build());
        assertEquals("main", snapshot.getGraphBranch());
        assertEquals(7, snapshot.getGraphManifestVersion());
        assertEquals(6, snapshot.getInternalSchemaVersion());
        assertEquals(EntityKind.ENTITY_KIND_NODE, snapshot.getTypes(0).getEntityKind());
        assertEquals("nodes/Person", snapshot.getTypes(0).getPath());
        assertEquals(12, snapshot.getTypes(0).getEntityCount());
        assertFalse(snapshot.getTypes(0).hasNativeBranch());
        assertEquals(EntityKind.ENTITY_KIND_EDGE, snapshot.getTypes(1).getEntityKind());
        assertEquals("dev", snapshot.getTypes(1).getNativeBranch());
    }

    @Test
    void queryStreamsAHeaderThenTypedRowsInTheHttpRowShape() {
        QueryResult rows = new QueryResult(List.of(
                new ResultColumn("p.name", ValueType.scalar(ScalarKind.STRING, false)),
                new ResultColumn("n", ValueType.scalar(ScalarKind.I64, true)),
                new ResultColumn("big", ValueType.scalar(ScalarKind.U64, false)),
                new ResultColumn("score", ValueType.scalar(ScalarKind.F64, false)),
                new ResultColumn("born", ValueType.scalar(ScalarKind.DATE, true)),
                new ResultColumn("seen", ValueType.scalar(ScalarKind.DATE_TIME, false)),
                new ResultColumn("tags", ValueType.listOf(ScalarKind.STRING, true)),
                new ResultColumn("v", ValueType.vector(2, false)),
                new ResultColumn("n", ValueType.scalar(ScalarKind.BOOL, false))),
                List.of(Arrays.asList("Alice", 30L, -1L, Double.NaN, 19_000L, 1_700_000_000_123L,
                        List.of("a", "b"), new float[] {1.5f, Float.POSITIVE_INFINITY}, true),
                        Arrays.asList("Bob", null, 5L, 2.5, null, 0L, null, new float[] {0f, 0f}, false)));
        ServedReadResult result = new ServedReadResult("q", Optional.of("main"), Optional.empty(), rows,
                Optional.of("c-2"));
        when(grpc.serving.read(eq(ServedGrpc.alice()), any())).thenReturn(result);

        Iterator<QueryResponse> answer = grpc.blocking().query(QueryRequest.newBuilder().setGraphId("g1")
                .setQuery("query q() { … }").setParams(Struct.newBuilder()
                        .putFields("min", Value.newBuilder().setNumberValue(18).build())
                        .putFields("ratio", Value.newBuilder().setNumberValue(0.5).build())
                        .putFields("name", Value.newBuilder().setStringValue("Al").build()))
                .build());
        ReadHeader header = answer.next().getHeader();
        assertEquals("q", header.getQueryName());
        assertEquals("main", header.getTarget().getBranch());
        assertFalse(header.getTarget().hasSnapshot());
        assertEquals(2, header.getRowCount());
        assertEquals("c-2", header.getGraphCommitId());
        // "n" twice: one column at its first position, holding the last column's value and type (HTTP's row objects)
        assertEquals(List.of("p.name", "n", "big", "score", "born", "seen", "tags", "v"),
                header.getColumnsList().stream().map(c -> c.getName()).toList());
        assertEquals("bool", header.getColumns(1).getKind());
        assertEquals("list", header.getColumns(6).getKind());
        assertEquals("string", header.getColumns(6).getItemKind());
        assertEquals(2, header.getColumns(7).getVectorDim());

        List<Row> received = new ArrayList<>();
        answer.forEachRemaining(part -> received.addAll(part.getRows().getRowsList()));
        assertEquals(2, received.size());
        Row alice = received.get(0);
        assertEquals("Alice", alice.getValues(0).getStringValue());
        assertTrue(alice.getValues(1).getBoolValue());
        assertEquals("18446744073709551615", Long.toUnsignedString(alice.getValues(2).getUintValue()));
        assertTrue(Double.isNaN(alice.getValues(3).getFloatValue()));
        assertEquals("2022-01-08", alice.getValues(4).getDateValue());
        assertEquals(1_700_000_000L, alice.getValues(5).getDateTimeValue().getSeconds());
        assertEquals(123_000_000, alice.getValues(5).getDateTimeValue().getNanos());
        assertEquals("b", alice.getValues(6).getListValue().getValues(1).getStringValue());
        assertEquals(Float.POSITIVE_INFINITY, alice.getValues(7).getVectorValue().getComponents(1));
        assertEquals(com.google.protobuf.NullValue.NULL_VALUE, received.get(1).getValues(4).getNullValue());
        assertEquals(dev.omnigraph.adapters.grpc.v1.Value.KindCase.NULL_VALUE, received.get(1).getValues(6).getKindCase());

        ArgumentCaptor<ServedReadCommand> command = ArgumentCaptor.forClass(ServedReadCommand.class);
        verify(grpc.serving).read(eq(ServedGrpc.alice()), command.capture());
        assertEquals("g1", command.getValue().graphId());
        assertEquals(Optional.empty(), command.getValue().branch());
        assertEquals(Optional.empty(), command.getValue().queryName());
        // integral numbers are integers, as HTTP's JSON would carry them
        assertTrue(command.getValue().paramsJson().contains("\"min\":18"), command.getValue().paramsJson());
        assertTrue(command.getValue().paramsJson().contains("\"ratio\":0.5"), command.getValue().paramsJson());
        assertTrue(command.getValue().paramsJson().contains("\"name\":\"Al\""), command.getValue().paramsJson());
    }

    @Test
    void manyRowsArriveInSeveralBatches() {
        List<List<Object>> many = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(List.of((long) i));
        }
        QueryResult rows = new QueryResult(List.of(new ResultColumn("i", ValueType.scalar(ScalarKind.I64, false))), many);
        when(grpc.serving.read(any(), any())).thenReturn(new ServedReadResult("q", Optional.empty(),
                Optional.of("manifest:main:v3"), rows, Optional.empty()));
        Iterator<QueryResponse> answer = grpc.blocking().query(QueryRequest.newBuilder().setGraphId("g1")
                .setQuery("q").setSnapshot("manifest:main:v3").build());
        ReadHeader header = answer.next().getHeader();
        assertEquals("manifest:main:v3", header.getTarget().getSnapshot());
        assertFalse(header.hasGraphCommitId());
        int batches = 0;
        long next = 0;
        while (answer.hasNext()) {
            batches++;
            for (Row row : answer.next().getRows().getRowsList()) {
                assertEquals(next++, row.getValues(0).getIntValue());
            }
        }
        assertEquals(2_500, next);
        assertEquals(3, batches);
        verify(grpc.serving).read(any(), eq(new ServedReadCommand("g1", "q", Optional.empty(), "{}", Optional.empty(),
                Optional.of("manifest:main:v3"))));
    }

    @Test
    void aStoredMutationAnswersOneChangeAndAStoredReadAnswersRows() {
        when(grpc.serving.invokeStoredQuery(eq(ServedGrpc.alice()), any())).thenReturn(new ServedChangeResult(
                "add_person", "main", 1, 0, Optional.of(ServedGrpc.ACTOR), Optional.of(commit())));
        Iterator<InvokeStoredQueryResponse> change = grpc.blocking().invokeStoredQuery(InvokeStoredQueryRequest
                .newBuilder().setGraphId("g1").setName("add_person").setExpectedHeadCommit("c-1").build());
        ChangeResult result = change.next().getChange();
        assertFalse(change.hasNext());
        assertEquals(1, result.getAffectedNodes());
        assertEquals("act-alice", result.getActorId());
        Commit commit = result.getCommit();
        assertEquals("c-2", commit.getGraphCommitId());
        assertEquals("c-1", commit.getParentCommitId());
        assertFalse(commit.hasMergedParentCommitId());
        assertEquals(1_714_000_000L, commit.getCreatedAt().getSeconds());
        assertEquals(123_456_000, commit.getCreatedAt().getNanos());
        verify(grpc.serving).invokeStoredQuery(ServedGrpc.alice(), new InvokeStoredQueryCommand("g1", "add_person", "{}",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("c-1")));

        grpc.reset();
        QueryResult rows = new QueryResult(List.of(new ResultColumn("x", ValueType.scalar(ScalarKind.I32, false))),
                List.of(List.of(1L)));
        when(grpc.serving.invokeStoredQuery(any(), any())).thenReturn(new ServedReadResult("adults",
                Optional.of("dev"), Optional.empty(), rows, Optional.of("c-9")));
        Iterator<InvokeStoredQueryResponse> read = grpc.blocking().invokeStoredQuery(InvokeStoredQueryRequest
                .newBuilder().setGraphId("g1").setName("adults").setBranch("dev").setExpectMutation(false).build());
        assertEquals("adults", read.next().getHeader().getQueryName());
        assertEquals(1, read.next().getRows().getRows(0).getValues(0).getIntValue());
        assertFalse(read.hasNext());
        verify(grpc.serving).invokeStoredQuery(ServedGrpc.alice(), new InvokeStoredQueryCommand("g1", "adults", "{}",
                Optional.of("dev"), Optional.empty(), Optional.of(false), Optional.empty()));
    }

    @Test
    void mutateIsConditionalExactlyWhenAnExpectedHeadIsSent() {
        when(grpc.serving.mutate(any(), any())).thenReturn(new ServedChangeResult("m", "main", 0, 0,
                Optional.of(ServedGrpc.ACTOR), Optional.empty()));
        ChangeResult unchanged = grpc.blocking().mutate(MutateRequest.newBuilder().setGraphId("g1").setQuery("m")
                .setBranch("dev").build());
        assertFalse(unchanged.hasCommit());
        verify(grpc.serving).mutate(ServedGrpc.alice(), new ServedMutateCommand("g1", "m", Optional.empty(), "{}",
                Optional.of("dev"), Optional.empty()));
        grpc.blocking().mutate(MutateRequest.newBuilder().setGraphId("g1").setQuery("m").setExpectedHeadCommit("c-7")
                .build());
        verify(grpc.serving).mutate(ServedGrpc.alice(), new ServedMutateCommand("g1", "m", Optional.empty(), "{}",
                Optional.empty(), Optional.of("c-7")));
    }

    @Test
    void catalogBranchesAndCommitsMapFieldForField() {
        when(grpc.serving.listStoredQueries(ServedGrpc.alice(), "g1")).thenReturn(new StoredQueryCatalogResult(List.of(
                new StoredQueryCatalogResult.StoredQuery("near", "near_tool", Optional.of("nearest"), Optional.empty(),
                        false, List.of(new StoredQueryCatalogResult.Param("v", "vector", Optional.empty(),
                                Optional.of(3), false))))));
        var catalog = grpc.blocking().listStoredQueries(ListStoredQueriesRequest.newBuilder().setGraphId("g1").build());
        assertEquals("near_tool", catalog.getQueries(0).getToolName());
        assertEquals("nearest", catalog.getQueries(0).getDescription());
        assertFalse(catalog.getQueries(0).hasInstruction());
        assertEquals(3, catalog.getQueries(0).getParams(0).getVectorDim());
        assertFalse(catalog.getQueries(0).getParams(0).hasItemKind());

        when(grpc.serving.createBranch(any(), any())).thenReturn(new ServedBranchResult("file:///g1", "dev",
                Optional.of("main"), Optional.of(ServedGrpc.ACTOR)));
        CreateBranchResponse created = grpc.blocking().createBranch(CreateBranchRequest.newBuilder().setGraphId("g1")
                .setName("dev").build());
        assertEquals("main", created.getFrom());
        verify(grpc.serving).createBranch(ServedGrpc.alice(), new ServedBranchCreateCommand("g1", "dev", Optional.empty()));

        when(grpc.serving.deleteBranch(ServedGrpc.alice(), "g1", "dev")).thenReturn(new ServedBranchResult("file:///g1",
                "dev", Optional.empty(), Optional.empty()));
        var deleted = grpc.blocking().deleteBranch(DeleteBranchRequest.newBuilder().setGraphId("g1").setName("dev").build());
        assertEquals("dev", deleted.getName());
        assertFalse(deleted.hasActorId());

        when(grpc.serving.listCommits(ServedGrpc.alice(), "g1", Optional.of("dev")))
                .thenReturn(new ServedCommitListResult(List.of(commit())));
        assertEquals("c-2", grpc.blocking().listCommits(ListCommitsRequest.newBuilder().setGraphId("g1").setBranch("dev")
                .build()).getCommits(0).getGraphCommitId());
        when(grpc.serving.commit(ServedGrpc.alice(), "g1", "c-2")).thenReturn(commit());
        assertEquals(8, grpc.blocking().getCommit(GetCommitRequest.newBuilder().setGraphId("g1").setGraphCommitId("c-2")
                .build()).getGraphManifestVersion());
    }

    @Test
    void anEmptyGraphIdIsRefusedAsHttpRefusesAMalformedOne() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () ->
                grpc.blocking().getSnapshot(GetSnapshotRequest.getDefaultInstance()));
        assertEquals(Status.Code.INVALID_ARGUMENT, ServedGrpc.code(refused));
        assertEquals("graph_id must not be empty", refused.getStatus().getDescription());
        assertEquals("bad_request", ServedGrpc.detail(refused).getCode());
    }

    // ---- load --------------------------------------------------------------------------------------

    private static CompletableFuture<LoadResult> load(List<LoadRequest> messages) {
        CompletableFuture<LoadResult> answer = new CompletableFuture<>();
        StreamObserver<LoadRequest> requests = grpc.async().load(new StreamObserver<>() {
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
                answer.complete(null);
            }
        });
        messages.forEach(requests::onNext);
        requests.onCompleted();
        return answer;
    }

    private static StatusRuntimeException refusal(CompletableFuture<?> answer) {
        try {
            answer.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException failed) {
            return (StatusRuntimeException) failed.getCause();
        } catch (Exception other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("the call succeeded");
    }

    @Test
    void loadJoinsTheChunksAfterItsTargetAndRunsOneLoad() throws Exception {
        when(grpc.serving.load(any(), any())).thenReturn(new ServedLoadResult("file:///g1", "dev", Optional.of("main"),
                true, dev.omnigraph.domain.graph.load.LoadMode.APPEND,
                List.of(new ServedLoadResult.TypeCount("Person", 2)), List.of(), 2, Optional.of(ServedGrpc.ACTOR),
                Optional.of(commit())));
        String records = "{\"type\":\"Person\",\"data\":{\"name\":\"Ann\"}}\n{\"type\":\"Person\",\"data\":{\"name\":\"Bö\"}}\n";
        byte[] bytes = records.getBytes(StandardCharsets.UTF_8);
        LoadResult result = load(List.of(
                LoadRequest.newBuilder().setTarget(LoadTarget.newBuilder().setGraphId("g1").setBranch("dev")
                        .setFrom("main").setMode(LoadMode.LOAD_MODE_APPEND)).build(),
                // split inside the two-byte 'ö' on purpose: chunks are joined before decoding
                LoadRequest.newBuilder().setNdjson(ByteString.copyFrom(bytes, 0, bytes.length - 5)).build(),
                LoadRequest.newBuilder().setNdjson(ByteString.copyFrom(bytes, bytes.length - 5, 5)).build()))
                .get(30, TimeUnit.SECONDS);
        assertEquals(LoadMode.LOAD_MODE_APPEND, result.getMode());
        assertEquals("main", result.getBaseBranch());
        assertTrue(result.getBranchCreated());
        assertEquals(2, result.getNodes(0).getEntitiesLoaded());
        assertEquals(0, result.getEdgesCount());
        verify(grpc.serving).load(ServedGrpc.alice(), new ServedLoadCommand("g1", records, Optional.of("dev"),
                Optional.of("main"), dev.omnigraph.domain.graph.load.LoadMode.APPEND));
    }

    @Test
    void loadRefusesRecordsBeforeTheTargetInvalidUtf8AndMoreThanTheLimit() {
        StatusRuntimeException noTarget = refusal(load(List.of(
                LoadRequest.newBuilder().setNdjson(ByteString.copyFromUtf8("{}\n")).build())));
        assertEquals(Status.Code.INVALID_ARGUMENT, ServedGrpc.code(noTarget));

        LoadRequest target = LoadRequest.newBuilder().setTarget(LoadTarget.newBuilder().setGraphId("g1")).build();
        StatusRuntimeException notUtf8 = refusal(load(List.of(target,
                LoadRequest.newBuilder().setNdjson(ByteString.copyFrom(new byte[] {(byte) 0xC3, 0x28})).build())));
        assertEquals("graph-batch request body must be valid UTF-8", notUtf8.getStatus().getDescription());

        byte[] chunk = new byte[3 * 1024 * 1024];
        List<LoadRequest> tooMuch = new ArrayList<>(List.of(target));
        for (int i = 0; i < 11; i++) {
            tooMuch.add(LoadRequest.newBuilder().setNdjson(ByteString.copyFrom(chunk)).build());
        }
        StatusRuntimeException tooLarge = refusal(load(tooMuch));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, ServedGrpc.code(tooLarge));
        assertEquals(413, ServedGrpc.detail(tooLarge).getHttpStatus());
        assertEquals("bad_request", ServedGrpc.detail(tooLarge).getCode());
        assertEquals("graph_batch_request_bytes", ServedGrpc.detail(tooLarge).getResourceLimit().getResource());
        assertEquals(32L * 1024 * 1024, ServedGrpc.detail(tooLarge).getResourceLimit().getLimit());
        verify(grpc.serving, never()).load(any(), any());
    }

    @Test
    void aRefusedLoadCarriesTheUseCaseRefusal() {
        when(grpc.serving.load(any(), any())).thenThrow(new ServingException(ApiError.notFound("branch 'x' not found")));
        StatusRuntimeException refused = refusal(load(List.of(LoadRequest.newBuilder()
                .setTarget(LoadTarget.newBuilder().setGraphId("g1").setBranch("x")).build())));
        assertEquals(Status.Code.NOT_FOUND, ServedGrpc.code(refused));
        assertEquals("branch 'x' not found", refused.getStatus().getDescription());
    }
}
