package dev.omnigraph.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import dev.omnigraph.ports.in.ServeGraphsUseCase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What bootstrap relies on: a bound port it can announce, the health route, and a clean stop. */
class HttpServerStarterTest {

    private final ServeGraphsUseCase serving = mock(ServeGraphsUseCase.class);
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> health(int port) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void portZeroBindsAFreePortAndCloseStopsServing() throws Exception {
        RunningHttpServer server = HttpServerStarter.start(serving, HttpServerSettings.of("127.0.0.1", 0, "1.2.3", 6));
        int port = server.port();
        try {
            assertTrue(port > 0);
            assertEquals(new InetSocketAddress("127.0.0.1", port), server.address());
            HttpResponse<String> response = health(port);
            assertEquals(200, response.statusCode());
            assertEquals("{\"status\":\"ok\",\"version\":\"1.2.3\",\"internal_schema_version\":6}", response.body());
        } finally {
            server.close();
        }
        server.close();
        assertThrows(ConnectException.class, () -> health(port));
    }

    @Test
    void extraFrameworkPropertiesReachTheContext() {
        try (RunningHttpServer server = HttpServerStarter.start(serving, HttpServerSettings.of("127.0.0.1", 0, "v", 6),
                Map.of("omnigraph.test.marker", "present"))) {
            assertEquals("present", server.context().getProperty("omnigraph.test.marker", String.class).orElse(""));
        }
    }

    @Test
    void configureAddsTheApiToACallersContext() throws Exception {
        try (ApplicationContext context = HttpServerStarter.configure(ApplicationContext.builder(), serving,
                HttpServerSettings.of("127.0.0.1", 0, "1.2.3", 6)).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            assertEquals(200, health(server.getPort()).statusCode());
        }
    }

    @Test
    void frameworkPropertiesWinOverDerivedOnes() {
        Map<String, Object> properties = HttpServerStarter.properties(new HttpServerSettings("0.0.0.0", 8080, "v", 6,
                Map.of("micronaut.lifecycle.graceful-shutdown.grace-period", "5s", "grpc.server.enabled", false)));
        assertEquals("0.0.0.0", properties.get("micronaut.server.host"));
        assertEquals(8080, properties.get("micronaut.server.port"));
        assertEquals("5s", properties.get("micronaut.lifecycle.graceful-shutdown.grace-period"));
        assertEquals(false, properties.get("grpc.server.enabled"));
        assertEquals(-1, HttpServerStarter.properties(HttpServerSettings.of("::1", 0, "v", 6)).get("micronaut.server.port"));
    }

    @Test
    void settingsRefuseImpossiblePorts() {
        assertThrows(IllegalArgumentException.class, () -> HttpServerSettings.of("127.0.0.1", 70_000, "v", 6));
    }
}
