package dev.omnigraph.adapters.http.routes;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.omnigraph.adapters.http.HttpServerSettings;
import dev.omnigraph.adapters.http.HttpServerStarter;
import dev.omnigraph.adapters.http.RunningHttpServer;
import dev.omnigraph.domain.serving.ApiError;
import dev.omnigraph.domain.serving.Caller;
import dev.omnigraph.domain.serving.ServingException;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.mockito.Mockito;

/**
 * A real HTTP server on a free port in front of a Mockito {@link ServeGraphsUseCase}, and a plain JDK HTTP
 * client to talk to it. The use case accepts exactly one token, {@value #TOKEN}, as actor {@value #ACTOR},
 * and applies the contract's refusals to anything else.
 */
final class ServedHttp implements AutoCloseable {

    static final String TOKEN = "secret-token";
    static final String ACTOR = "act-alice";
    static final String BEARER = "Bearer " + TOKEN;

    final ServeGraphsUseCase serving = mock(ServeGraphsUseCase.class);
    final RunningHttpServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;

    ServedHttp() {
        this(true);
    }

    ServedHttp(boolean requiresAuth) {
        when(serving.requiresBearerAuth()).thenReturn(requiresAuth);
        stubAuthentication(requiresAuth);
        server = HttpServerStarter.start(serving, HttpServerSettings.of("127.0.0.1", 0, "0.10.0-test", 6));
        json = server.context().getBean(JsonMapper.class);
    }

    /** Forgets every stub and call but the authentication rules. */
    void reset() {
        Mockito.reset(serving);
        when(serving.requiresBearerAuth()).thenReturn(true);
        stubAuthentication(true);
    }

    private void stubAuthentication(boolean requiresAuth) {
        when(serving.authenticate(any())).thenAnswer(invocation -> {
            Optional<String> header = invocation.getArgument(0);
            if (!requiresAuth) {
                return Caller.ANONYMOUS;
            }
            if (header.isEmpty() || !header.get().startsWith("Bearer ")) {
                throw new ServingException(ApiError.unauthorized("missing bearer token"));
            }
            if (!header.get().equals(BEARER)) {
                throw new ServingException(ApiError.unauthorized("invalid bearer token"));
            }
            return Caller.actor(ACTOR);
        });
    }

    static Caller alice() {
        return Caller.actor(ACTOR);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    HttpResponse<String> postJson(String path, String body, String... headers) {
        return post(path, body, "application/json", headers);
    }

    HttpResponse<String> post(String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request, headers);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.timeout(Duration.ofSeconds(20));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A JSON object body as nested maps and lists. */
    Map<String, Object> object(HttpResponse<String> response) {
        return parse(response.body());
    }

    /** A JSON object text as nested maps and lists. */
    Map<String, Object> parse(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("not a JSON object: " + text, unreadable);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
