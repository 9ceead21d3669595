package dev.omnigraph.adapters.http;

import dev.omnigraph.ports.in.ServeGraphsUseCase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the HTTP API for a {@link ServeGraphsUseCase}. The use case authenticates, authorizes and runs
 * every request; this adapter only translates HTTP to it and back.
 *
 * <p>Two ways in. {@link #start} builds and starts a Micronaut context of its own and binds the server;
 * close the returned handle to stop it. {@link #configure} only adds this adapter's properties and beans to
 * a builder, for a caller that runs other Micronaut servers (gRPC) in the same context and starts the
 * {@link EmbeddedServer} itself. Either way the Netty runtime ({@code micronaut-http-server-netty}) must be
 * on the class path.
 */
public final class HttpServerStarter {

    /** The largest request body any route accepts (the load routes' limit); smaller routes check their own. */
    public static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    private static final long HEADROOM_BYTES = 1024L * 1024;
    /** How long stopping waits for in-flight requests; override with {@code micronaut.lifecycle.graceful-shutdown.grace-period}. */
    public static final String GRACE_PERIOD = "30s";

    private HttpServerStarter() {}

    /**
     * Starts a context holding {@code serving} and the HTTP server, bound as {@code settings} say.
     *
     * @throws RuntimeException whatever Micronaut reports when the context or the bind fails (the context is
     *     closed again)
     */
    public static RunningHttpServer start(ServeGraphsUseCase serving, HttpServerSettings settings) {
        return start(serving, settings, Map.of());
    }

    /**
     * As {@link #start(ServeGraphsUseCase, HttpServerSettings)}, with further Micronaut properties for the
     * context (for example {@code grpc.server.enabled=false} when a gRPC runtime is on the class path but
     * not wanted).
     */
    public static RunningHttpServer start(ServeGraphsUseCase serving, HttpServerSettings settings,
                                          Map<String, Object> extraProperties) {
        ApplicationContext context = configure(ApplicationContext.builder(), serving, settings)
                .properties(extraProperties).start();
        try {
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            return new RunningHttpServer(context, server, settings.bindHost());
        } catch (RuntimeException | Error failed) {
            context.close();
            throw failed;
        }
    }

    /**
     * Adds the adapter's properties and beans ({@code serving}, {@code settings}) to {@code builder}. The
     * caller starts the context and then {@code context.getBean(EmbeddedServer.class).start()}.
     */
    public static ApplicationContextBuilder configure(ApplicationContextBuilder builder, ServeGraphsUseCase serving,
                                                      HttpServerSettings settings) {
        return builder
                .banner(false)
                .deduceEnvironment(false)
                .properties(properties(settings))
                .singletons(serving, settings);
    }

    /** The Micronaut properties the settings translate to. */
    static Map<String, Object> properties(HttpServerSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.host", settings.bindHost());
        // Micronaut spells "any free port" -1; it then binds port 0 and reports the chosen one.
        properties.put("micronaut.server.port", settings.port() == 0 ? -1 : settings.port());
        // The framework's own ceiling sits one MiB above the largest route limit, so a route refuses an
        // oversized body itself (with its resource_limit detail); only far larger bodies meet this one.
        properties.put("micronaut.server.max-request-size", MAX_REQUEST_BYTES + HEADROOM_BYTES);
        properties.put("micronaut.server.max-request-buffer-size", MAX_REQUEST_BYTES + HEADROOM_BYTES);
        // Stopping waits for in-flight requests (up to the grace period) instead of cutting them off.
        properties.put("micronaut.lifecycle.graceful-shutdown.enabled", true);
        properties.put("micronaut.lifecycle.graceful-shutdown.grace-period", GRACE_PERIOD);
        properties.putAll(settings.frameworkProperties());
        return properties;
    }
}
