package dev.omnigraph.adapters.grpc;

import io.grpc.Server;
import io.grpc.protobuf.services.HealthStatusManager;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started gRPC server: where it listens, and {@link #close()} to stop it gracefully with its context. */
public final class RunningGrpcServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningGrpcServer.class);
    /** How long the calls still running after the grace period get to notice their cancellation. */
    private static final Duration CANCELLATION_WAIT = Duration.ofSeconds(5);

    private final ApplicationContext context;
    private final GrpcEmbeddedServer server;
    private final String bindHost;
    private final Duration gracePeriod;

    RunningGrpcServer(ApplicationContext context, GrpcEmbeddedServer server, String bindHost, Duration gracePeriod) {
        this.context = context;
        this.server = server;
        this.bindHost = bindHost;
        this.gracePeriod = gracePeriod;
    }

    /** The bound port (the system's choice when the settings asked for port 0). */
    public int port() {
        return server.getServer().getPort();
    }

    /** The bound address: the configured host and the bound port ({@code OMNIGRAPH_GRPC_LISTEN_ADDR}). */
    public InetSocketAddress address() {
        return new InetSocketAddress(bindHost, port());
    }

    /** The Micronaut context serving the API. */
    public ApplicationContext context() {
        return context;
    }

    /**
     * Stops the server: health turns {@code NOT_SERVING}, new calls are refused, in-flight calls get the
     * grace period to finish, the rest are cancelled (a running export sees it and stops reading), then the
     * context closes. Idempotent.
     */
    @Override
    public void close() {
        if (!context.isRunning()) {
            return;
        }
        context.findBean(HealthStatusManager.class).ifPresent(HealthStatusManager::enterTerminalState);
        Server grpc = server.getServer();
        grpc.shutdown();
        try {
            if (!grpc.awaitTermination(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("gRPC calls still running after the {} grace period are cancelled", gracePeriod);
                grpc.shutdownNow();
                grpc.awaitTermination(CANCELLATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            grpc.shutdownNow();
        } finally {
            context.close();
        }
    }
}
