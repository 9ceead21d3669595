package dev.omnigraph.adapters.storage.objectstore.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.StorageUnavailableException;
import dev.omnigraph.ports.out.VersionToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the S3 adapter retries, and what it must not. Throttling has to be ridden out with backoff, or a
 * busy bucket fails cluster commands; but a conditional write whose attempt died without an answer may
 * have landed, and retrying it blindly would turn "I won" into a reported lost race. S3Proxy cannot be made
 * to throttle or to drop a connection on cue, so these tests put a loopback HTTP endpoint in front of the
 * SDK that answers with scripted faults and then success; the conformance suite runs against S3Proxy.
 */
class S3RetriesTest {

    private enum Fault { SLOW_DOWN, DROP_CONNECTION, OK }

    private HttpServer server;
    private final Deque<Fault> script = new ArrayDeque<>();
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
        Fault fault;
        synchronized (script) {
            fault = script.isEmpty() ? Fault.OK : script.poll();
        }
        switch (fault) {
            case SLOW_DOWN -> {
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                        + "<Message>Please reduce your request rate.</Message></Error>").getBytes(UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(503, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            }
            // closed before a status line: the client sees the connection end without a response
            case DROP_CONNECTION -> exchange.close();
            case OK -> {
                exchange.getResponseHeaders().add("ETag", "\"etag-1\"");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            }
        }
    }

    private S3ObjectStores clients(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                "AWS_ALLOW_HTTP", "true",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "ak",
                "AWS_SECRET_ACCESS_KEY", "sk"));
        environment.putAll(extra);
        return S3ObjectStores.connect(S3Properties.fromEnvironment(environment));
    }

    private void script(Fault... faults) {
        synchronized (script) {
            script.addAll(List.of(faults));
        }
    }

    @Test
    void throttled_conditional_writes_are_retried_with_backoff_until_they_succeed() {
        script(Fault.SLOW_DOWN, Fault.SLOW_DOWN);
        try (S3ObjectStores stores = clients(Map.of())) {
            ObjectStore store = stores.open("bucket", "root");
            assertEquals(new VersionToken("\"etag-1\""), store.putIfAbsent(new ObjectKey("lock.json"), "x".getBytes(UTF_8)));
        }
        assertEquals(3, requests.get());
    }

    @Test
    void throttling_beyond_the_configured_attempts_is_a_storage_fault() {
        script(Fault.SLOW_DOWN, Fault.SLOW_DOWN, Fault.SLOW_DOWN);
        try (S3ObjectStores stores = clients(Map.of("AWS_MAX_ATTEMPTS", "2"))) {
            ObjectStore store = stores.open("bucket", "root");
            StorageUnavailableException thrown = assertThrows(StorageUnavailableException.class,
                    () -> store.put(new ObjectKey("state.json"), "x".getBytes(UTF_8)));
            assertTrue(thrown.getMessage().contains("SlowDown"), thrown.getMessage());
        }
        assertEquals(2, requests.get());
    }

    @Test
    void an_unanswered_unconditional_write_is_retried() {
        script(Fault.DROP_CONNECTION);
        try (S3ObjectStores stores = clients(Map.of())) {
            ObjectStore store = stores.open("bucket", "root");
            store.put(new ObjectKey("state.json"), "x".getBytes(UTF_8));
        }
        assertEquals(2, requests.get());
    }

    @Test
    void an_unanswered_conditional_write_is_not_retried_and_reports_an_unknown_outcome() {
        script(Fault.DROP_CONNECTION);
        try (S3ObjectStores stores = clients(Map.of())) {
            ObjectStore store = stores.open("bucket", "root");
            StorageUnavailableException thrown = assertThrows(StorageUnavailableException.class,
                    () -> store.putIfMatch(new ObjectKey("state.json"), "x".getBytes(UTF_8), new VersionToken("\"etag-0\"")));
            assertTrue(thrown.getMessage().contains("outcome is unknown"), thrown.getMessage());
        }
        assertEquals(1, requests.get());
    }
}
