package dev.omnigraph.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.omnigraph.adapters.grpc.v1.ExportChunk;
import dev.omnigraph.adapters.grpc.v1.ExportRequest;
import dev.omnigraph.adapters.grpc.v1.GraphServiceGrpc;
import dev.omnigraph.adapters.grpc.v1.ListGraphsRequest;
import dev.omnigraph.adapters.grpc.v1.ListGraphsResponse;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.ports.in.ExportGraphUseCase;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import dev.omnigraph.ports.in.ServedGraphListResult;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The starter binds the requested address (port 0: a free one, reported back), and closing stops gracefully:
 * calls in flight finish within the grace period, calls still running after it are cancelled.
 */
class GrpcServerStarterTest {

    private static ServeGraphsUseCase openServing() {
        ServeGraphsUseCase serving = mock(ServeGraphsUseCase.class);
        when(serving.authenticate(any())).thenReturn(Caller.ANONYMOUS);
        return serving;
    }

    private static ManagedChannel channel(RunningGrpcServer server) {
        return Grpc.newChannelBuilderForAddress("127.0.0.1", server.port(), InsecureChannelCredentials.create()).build();
    }

    @Test
    void portZeroBindsAFreePortAndReportsIt() {
        try (RunningGrpcServer server = GrpcServerStarter.start(openServing(), GrpcServerSettings.of("127.0.0.1", 0))) {
            assertTrue(server.port() > 0);
            assertEquals("127.0.0.1", server.address().getHostString());
            assertEquals(server.port(), server.address().getPort());
        }
    }

    @Test
    void portMinusOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GrpcServerSettings.of("127.0.0.1", -1));
    }

    @Test
    void aCallInFlightFinishesDuringTheGracePeriod() throws Exception {
        ServeGraphsUseCase serving = openServing();
        CountDownLatch started = new CountDownLatch(1);
        when(serving.listGraphs(any())).thenAnswer(invocation -> {
            started.countDown();
            Thread.sleep(700);
            return new ServedGraphListResult(List.of(new ServedGraphListResult.Graph("g1", "file:///g1")));
        });
        RunningGrpcServer server = GrpcServerStarter.start(serving,
                new GrpcServerSettings("127.0.0.1", 0, Duration.ofSeconds(10), Map.of()));
        ManagedChannel channel = channel(server);
        try {
            CompletableFuture<ListGraphsResponse> answer = CompletableFuture.supplyAsync(() ->
                    GraphServiceGrpc.newBlockingStub(channel).listGraphs(ListGraphsRequest.getDefaultInstance()));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            server.close();
            assertEquals("g1", answer.get(10, TimeUnit.SECONDS).getGraphs(0).getGraphId());
        } finally {
            channel.shutdownNow();
            server.close();
        }
    }

    @Test
    void callsStillRunningAfterTheGracePeriodAreCancelled() throws Exception {
        ServeGraphsUseCase serving = openServing();
        CountDownLatch stopped = new CountDownLatch(1);
        doAnswer(invocation -> {
            ExportGraphUseCase.LineSink sink = invocation.getArgument(2);
            try {
                while (true) {
                    sink.accept("{\"type\":\"Person\",\"data\":{}}");
                    Thread.sleep(1);
                }
            } finally {
                stopped.countDown();
            }
        }).when(serving).export(any(), any(), any());
        RunningGrpcServer server = GrpcServerStarter.start(serving,
                new GrpcServerSettings("127.0.0.1", 0, Duration.ofMillis(500), Map.of()));
        ManagedChannel channel = channel(server);
        try {
            Iterator<ExportChunk> chunks = GraphServiceGrpc.newBlockingStub(channel)
                    .export(ExportRequest.newBuilder().setGraphId("g1").build());
            chunks.next();
            long before = System.nanoTime();
            server.close();
            assertTrue(Duration.ofNanos(System.nanoTime() - before).compareTo(Duration.ofSeconds(8)) < 0,
                    "closing waited far beyond the grace period");
            assertTrue(stopped.await(10, TimeUnit.SECONDS), "the export survived the shutdown");
            assertThrows(StatusRuntimeException.class, () -> chunks.forEachRemaining(chunk -> { }));
        } finally {
            channel.shutdownNow();
        }
    }
}
