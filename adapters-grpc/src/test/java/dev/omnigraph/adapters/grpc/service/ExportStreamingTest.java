package dev.omnigraph.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import dev.omnigraph.adapters.grpc.v1.ExportChunk;
import dev.omnigraph.adapters.grpc.v1.ExportRequest;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.ExportGraphUseCase;
import dev.omnigraph.ports.in.ServedExportCommand;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The export streams in bounded memory: a client that reads nothing holds the producer back after a bounded
 * amount, a cancelled call or a passed deadline stops the producer (the export stops reading), a failure
 * ends the stream with an error status, never as if complete.
 */
class ExportStreamingTest {

    private static final String RECORD = "{\"type\":\"Person\",\"data\":{\"name\":\"" + "x".repeat(200) + "\"}}";

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

    /** An export of (practically) endless records that counts what it produced and how it ended. */
    private static final class EndlessExport {
        final AtomicLong written = new AtomicLong();
        final AtomicReference<RuntimeException> stoppedBy = new AtomicReference<>();
        final CountDownLatch stopped = new CountDownLatch(1);

        void install() {
            doAnswer(invocation -> {
                ExportGraphUseCase.LineSink sink = invocation.getArgument(2);
                try {
                    for (long i = 0; i < 50_000_000L; i++) {
                        sink.accept(RECORD);
                        written.incrementAndGet();
                    }
                } catch (RuntimeException gone) {
                    stoppedBy.set(gone);
                    throw gone;
                } finally {
                    stopped.countDown();
                }
                return null;
            }).when(grpc.serving).export(any(), any(), any());
        }
    }

    @Test
    void theChunksAreTheNdjsonBodyAndTheRequestReachesTheUseCase() {
        doAnswer(invocation -> {
            ExportGraphUseCase.LineSink sink = invocation.getArgument(2);
            for (int i = 0; i < 500; i++) {
                sink.accept("{\"n\":" + i + "}");
            }
            return null;
        }).when(grpc.serving).export(any(), any(), any());
        Iterator<ExportChunk> chunks = grpc.blocking().export(ExportRequest.newBuilder().setGraphId("g1")
                .addTypeNames("Person").build());
        StringBuilder body = new StringBuilder();
        chunks.forEachRemaining(chunk -> body.append(chunk.getNdjson().toString(StandardCharsets.UTF_8)));
        List<String> lines = body.toString().lines().toList();
        assertEquals(500, lines.size());
        assertEquals("{\"n\":499}", lines.get(499));
        assertTrue(body.toString().endsWith("\n"));
        verify(grpc.serving).export(any(), org.mockito.ArgumentMatchers.eq(new ServedExportCommand("g1",
                Optional.empty(), List.of("Person"))), any());
    }

    @Test
    void aClientThatReadsNothingHoldsTheProducerBackAndCancellingStopsIt() throws Exception {
        EndlessExport export = new EndlessExport();
        export.install();
        AtomicReference<ClientCallStreamObserver<ExportRequest>> call = new AtomicReference<>();
        CountDownLatch firstChunk = new CountDownLatch(1);
        grpc.async().export(ExportRequest.newBuilder().setGraphId("g1").build(),
                new ClientResponseObserver<ExportRequest, ExportChunk>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<ExportRequest> requestStream) {
                        call.set(requestStream);
                        requestStream.disableAutoRequestWithInitial(1);
                    }

                    @Override
                    public void onNext(ExportChunk value) {
                        firstChunk.countDown(); // and request nothing more
                    }

                    @Override
                    public void onError(Throwable t) {
                        // cancelled by this test
                    }

                    @Override
                    public void onCompleted() {
                        // not reached
                    }
                });
        assertTrue(firstChunk.await(30, TimeUnit.SECONDS));
        // the producer fills the transport's windows, then waits: its count stops moving
        long heldAt = -1;
        for (int i = 0; i < 100 && heldAt != export.written.get(); i++) {
            heldAt = export.written.get();
            Thread.sleep(300);
        }
        assertEquals(heldAt, export.written.get(), "the producer kept going while the client read nothing");
        // a few MiB of transport windows at most, never the 10 GB the export would produce
        long bytes = heldAt * (RECORD.length() + 1);
        assertTrue(bytes < 16L * 1024 * 1024, "the producer ran ahead of the client: " + bytes + " bytes");

        call.get().cancel("the test is done", null);
        assertTrue(export.stopped.await(10, TimeUnit.SECONDS), "the export kept running after the cancel");
        assertInstanceOf(OutboundStream.CallCancelledException.class, export.stoppedBy.get());
    }

    @Test
    void aPassedDeadlineStopsTheExport() throws Exception {
        EndlessExport export = new EndlessExport();
        export.install();
        Iterator<ExportChunk> chunks = grpc.blocking().withDeadlineAfter(500, TimeUnit.MILLISECONDS)
                .export(ExportRequest.newBuilder().setGraphId("g1").build());
        chunks.next();
        assertTrue(export.stopped.await(10, TimeUnit.SECONDS), "the export outlived its deadline");
        StatusRuntimeException expired = assertThrows(StatusRuntimeException.class, () -> {
            while (chunks.hasNext()) {
                chunks.next();
            }
        });
        assertEquals(Status.Code.DEADLINE_EXCEEDED, ServedGrpc.code(expired));
        assertInstanceOf(OutboundStream.CallCancelledException.class, export.stoppedBy.get());
    }

    @Test
    void aRefusalBeforeTheFirstRecordIsTheStatus() {
        doThrow(new ServingException(ApiError.forbidden("policy denied action 'export' for actor 'act-alice'")))
                .when(grpc.serving).export(any(), any(), any());
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () ->
                grpc.blocking().export(ExportRequest.newBuilder().setGraphId("g1").build()).hasNext());
        assertEquals(Status.Code.PERMISSION_DENIED, ServedGrpc.code(refused));
        assertEquals("forbidden", ServedGrpc.detail(refused).getCode());
    }

    @Test
    void aFailureAfterTheFirstChunkEndsTheStreamWithAnErrorNotAsComplete() {
        doAnswer(invocation -> {
            ExportGraphUseCase.LineSink sink = invocation.getArgument(2);
            for (int i = 0; i < 2_000; i++) {
                sink.accept(RECORD);
            }
            throw new IllegalStateException("storage went away");
        }).when(grpc.serving).export(any(), any(), any());
        Iterator<ExportChunk> chunks = grpc.blocking().export(ExportRequest.newBuilder().setGraphId("g1").build());
        assertTrue(chunks.hasNext());
        StatusRuntimeException cut = assertThrows(StatusRuntimeException.class, () -> {
            while (chunks.hasNext()) {
                chunks.next();
            }
        });
        assertEquals(Status.Code.INTERNAL, ServedGrpc.code(cut));
    }

}
