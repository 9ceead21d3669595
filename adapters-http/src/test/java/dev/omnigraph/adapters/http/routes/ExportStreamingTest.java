package dev.omnigraph.adapters.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.ExportGraphUseCase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The export is streamed: records reach the client while the export still runs, a client that goes away
 * stops it, a failure before the first record is an ordinary error answer, and a failure after it cuts the
 * response short instead of ending it as if complete.
 */
class ExportStreamingTest {

    private static ServedHttp http;

    @BeforeAll
    static void start() {
        http = new ServedHttp();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @BeforeEach
    void forgetCalls() {
        http.reset();
    }

    private static HttpResponse<InputStream> openExport() throws IOException, InterruptedException {
        return http.client.send(HttpRequest.newBuilder(http.uri("/graphs/g1/export"))
                .header("Authorization", ServedHttp.BEARER)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void recordsReachTheClientWhileTheExportStillRuns() throws Exception {
        CountDownLatch clientSawFirstRecord = new CountDownLatch(1);
        doAnswer(invocation -> {
            ExportGraphUseCase.LineSink sink = invocation.getArgument(2);
            sink.accept("{\"n\":0}");
            assertTrue(clientSawFirstRecord.await(20, TimeUnit.SECONDS), "the first record was held back");
            sink.accept("{\"n\":1}");
            return null;
        }).when(http.serving).export(any(), any(), any());

        HttpResponse<InputStream> response = openExport();
        assertEquals(200, response.statusCode());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertEquals("{\"n\":0}", lines.readLine());
            clientSawFirstRecord.countDown();
            assertEquals("{\"n\":1}", lines.readLine());
            assertNull(lines.readLine());
        }
    }

    @Test
    void aClientThatGoesAwayStopsTheExport() throws Exception {
        AtomicReference<RuntimeException> stoppedBy = new AtomicReference<>();
        AtomicLong written = new AtomicLong();
        CountDownLatch stopped = new CountDownLatch(1);
        String record = "{\"type\":\"Person\",\"data\":{\"name\":\"" + "x".repeat(200) + "\"}}";
        doAnswer(invocation -> {
            ExportGraphUseCase.LineSink sink = invocation.getArgument(2);
            try {
                for (long i = 0; i < 50_000_000L; i++) {
                    sink.accept(record);
                    written.incrementAndGet();
                }
            } catch (RuntimeException gone) {
                stoppedBy.set(gone);
                throw gone;
            } finally {
                stopped.countDown();
            }
            return null;
        }).when(http.serving).export(any(), any(), any());

        HttpResponse<InputStream> response = openExport();
        assertEquals(200, response.statusCode());
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertEquals(record, lines.readLine());
        lines.close();

        assertTrue(stopped.await(30, TimeUnit.SECONDS), "the export kept running after the client left");
        assertInstanceOf(ExportLineStream.ClientGoneException.class, stoppedBy.get());
        assertTrue(written.get() < 50_000_000L);
    }

    @Test
    void aFailureBeforeTheFirstRecordIsAnErrorAnswer() {
        doThrow(new ServingException(ApiError.forbidden("policy denied action 'export' for actor 'act-alice'")))
                .when(http.serving).export(any(), any(), any());
        HttpResponse<String> response = http.postJson("/graphs/g1/export", "{\"branch\":\"main\"}",
                "Authorization", ServedHttp.BEARER);
        assertEquals(403, response.statusCode());
        assertEquals("{\"error\":\"policy denied action 'export' for actor 'act-alice'\",\"code\":\"forbidden\"}",
                response.body());
    }

    @Test
    void aFailureAfterTheFirstRecordCutsTheResponseShort() throws Exception {
        doAnswer(invocation -> {
            ExportGraphUseCase.LineSink sink = invocation.getArgument(2);
            sink.accept("{\"n\":0}");
            throw new IllegalStateException("storage went away");
        }).when(http.serving).export(any(), any(), any());

        // Whether the headers were already out or not, the client must see a broken exchange, never a
        // complete-looking answer.
        assertThrows(IOException.class, () -> {
            HttpResponse<InputStream> response = openExport();
            assertEquals(200, response.statusCode());
            try (InputStream body = response.body()) {
                body.readAllBytes();
            }
        });
    }
}
