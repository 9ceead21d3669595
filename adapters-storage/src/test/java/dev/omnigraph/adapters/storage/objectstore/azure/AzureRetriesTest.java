package dev.omnigraph.adapters.storage.objectstore.azure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.PreconditionFailedException;
import dev.omnigraph.ports.out.StorageUnavailableException;
import dev.omnigraph.ports.out.VersionToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Azure SDK retries conditional writes after I/O failures too, and its retry condition cannot be
 * narrowed; so a retry that then loses its condition may be losing to the first attempt's own write. The
 * adapter must report that as "outcome unknown", never as a lost race, while a retry after an answer that
 * proves nothing was written (503 ServerBusy) still yields an honest lost race. Azurite cannot drop a
 * connection or be busy on cue, so a loopback HTTP endpoint answers with scripted faults; the conformance
 * suite runs against Azurite.
 */
class AzureRetriesTest {

    private enum Answer { DROP_CONNECTION, SERVER_BUSY, ALREADY_EXISTS, CREATED }

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        Answer answer;
        synchronized (script) {
            answer = script.isEmpty() ? Answer.CREATED : script.poll();
        }
        switch (answer) {
            // closed before a status line: the client sees the connection end without a response
            case DROP_CONNECTION -> exchange.close();
            case SERVER_BUSY -> error(exchange, 503, "ServerBusy", "The server is busy.");
            case ALREADY_EXISTS -> error(exchange, 409, "BlobAlreadyExists", "The specified blob already exists.");
            case CREATED -> {
                exchange.getResponseHeaders().add("ETag", "\"0x8DC0000000000001\"");
                exchange.getResponseHeaders().add("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT");
                exchange.getResponseHeaders().add("x-ms-request-server-encrypted", "true");
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
            }
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>").getBytes(UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.getResponseHeaders().add("x-ms-error-code", code);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private ObjectStore store() {
        AzureBlobProperties properties = AzureBlobProperties.fromEnvironment(Map.of("AZURE_STORAGE_USE_EMULATOR", "true",
                "AZURITE_BLOB_STORAGE_URL", "http://127.0.0.1:" + server.getAddress().getPort()));
        RequestRetryOptions fast = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 4, (Duration) null,
                Duration.ofMillis(10), Duration.ofMillis(50), null);
        return AzureBlobObjectStores.connect(properties, fast).open("container", "root");
    }

    private void script(Answer... answers) {
        synchronized (script) {
            script.addAll(List.of(answers));
        }
    }

    @Test
    void a_lost_condition_after_an_unanswered_attempt_is_an_unknown_outcome_not_a_lost_race() {
        script(Answer.DROP_CONNECTION, Answer.ALREADY_EXISTS);
        StorageUnavailableException thrown = assertThrows(StorageUnavailableException.class,
                () -> store().putIfAbsent(new ObjectKey("lock.json"), "x".getBytes(UTF_8)));
        assertTrue(thrown.getMessage().contains("outcome unknown"), thrown.getMessage());
        assertEquals(2, requests.get());
    }

    @Test
    void a_lost_condition_after_a_busy_answer_is_an_honest_lost_race() {
        script(Answer.SERVER_BUSY, Answer.ALREADY_EXISTS);
        assertThrows(PreconditionFailedException.class, () -> store().putIfAbsent(new ObjectKey("lock.json"), "x".getBytes(UTF_8)));
        assertEquals(2, requests.get());
    }

    @Test
    void an_unanswered_conditional_write_that_then_succeeds_is_a_success() {
        script(Answer.DROP_CONNECTION);
        VersionToken written = store().putIfAbsent(new ObjectKey("lock.json"), "x".getBytes(UTF_8));
        assertEquals("0x8DC0000000000001", written.value().replace("\"", ""));
        assertEquals(2, requests.get());
    }
}
