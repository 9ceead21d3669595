package dev.omnigraph.adapters.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.net.URI;

/** A started HTTP server: where it listens, and {@link #close()} to stop it and its context. */
public final class RunningHttpServer implements AutoCloseable {

    private final ApplicationContext context;
    private final EmbeddedServer server;
    private final String bindHost;

    RunningHttpServer(ApplicationContext context, EmbeddedServer server, String bindHost) {
        this.context = context;
        this.server = server;
        this.bindHost = bindHost;
    }

    /** The bound port (the system's choice when the settings asked for port 0). */
    public int port() {
        return server.getPort();
    }

    /** The bound address: the configured host and the bound port ({@code OMNIGRAPH_LISTEN_ADDR}). */
    public InetSocketAddress address() {
        return new InetSocketAddress(bindHost, port());
    }

    /** A base URI to reach the server at ({@code http://host:port}). */
    public URI uri() {
        return server.getURI();
    }

    /** The Micronaut context serving the API. */
    public ApplicationContext context() {
        return context;
    }

    /** Stops the server (open connections are closed) and its context. Idempotent. */
    @Override
    public void close() {
        if (context.isRunning()) {
            context.close();
        }
    }
}
