package dev.omnigraph.adapters.grpc;

import dev.omnigraph.adapters.grpc.v1.GraphServiceGrpc;
import dev.omnigraph.ports.in.ServeGraphsUseCase;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the gRPC API for a {@link ServeGraphsUseCase} in a Micronaut context of its own (micronaut-grpc's
 * embedded server), beside whatever else the process serves. The use case authenticates, authorizes and runs
 * every call; this adapter only translates gRPC to it and back. Besides {@code omnigraph.v1.GraphService} the
 * server offers the standard {@code grpc.health.v1.Health} service and server reflection (v1 and v1alpha).
 *
 * <p>Its own context, rather than the HTTP server's: each door binds, reports and stops on its own, and
 * neither adapter needs to know the other exists (only bootstrap sees both).
 */
public final class GrpcServerStarter {

    /** The largest single message a client may send (4 MiB, gRPC's default); loads stream in chunks below it. */
    public static final int MAX_INBOUND_MESSAGE_BYTES = 4 * 1024 * 1024;

    private GrpcServerStarter() {}

    /**
     * Starts a context holding {@code serving} and the gRPC server, bound as {@code settings} say.
     *
     * @throws RuntimeException whatever Micronaut or Netty report when the context or the bind fails (the
     *     context is closed again)
     */
    public static RunningGrpcServer start(ServeGraphsUseCase serving, GrpcServerSettings settings) {
        ApplicationContext context = ApplicationContext.builder()
                .banner(false)
                .deduceEnvironment(false)
                .properties(properties(settings))
                .singletons(serving)
                .start();
        try {
            GrpcEmbeddedServer server = context.getBean(GrpcEmbeddedServer.class);
            server.start();
            context.findBean(HealthStatusManager.class).ifPresent(health ->
                    health.setStatus(GraphServiceGrpc.SERVICE_NAME, ServingStatus.SERVING));
            return new RunningGrpcServer(context, server, settings.bindHost(), settings.gracePeriod());
        } catch (RuntimeException | Error failed) {
            context.close();
            throw failed;
        }
    }

    /** The Micronaut properties the settings translate to. */
    static Map<String, Object> properties(GrpcServerSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("grpc.server.enabled", true);
        properties.put("grpc.server.host", settings.bindHost());
        // micronaut-grpc binds exactly this port; 0 makes the system choose (-1 is refused)
        properties.put("grpc.server.port", settings.port());
        properties.put("grpc.server.max-inbound-message-size", MAX_INBOUND_MESSAGE_BYTES);
        properties.put("grpc.server.health.enabled", true);
        // RunningGrpcServer.close() applies the grace period itself (then cancels what is left)
        properties.put("grpc.server.await-termination", settings.gracePeriod().toMillis() + "ms");
        properties.putAll(settings.frameworkProperties());
        return properties;
    }
}
