package dev.omnigraph.adapters.http;

import java.util.Map;
import java.util.Objects;

/**
 * How the HTTP server binds and what it reports about itself.
 *
 * @param bindHost the address to listen on (e.g. {@code 127.0.0.1}, {@code 0.0.0.0})
 * @param port the port to listen on; {@code 0} lets the system choose (read it from
 *     {@link RunningHttpServer#port()})
 * @param serverVersion the version {@code /healthz} and {@code /openapi.json} report
 * @param internalSchemaVersion the storage-format version this build writes and reads ({@code /healthz})
 * @param frameworkProperties extra Micronaut properties (e.g. {@code grpc.server.enabled}); they win over the
 *     ones derived from the other settings
 */
public record HttpServerSettings(String bindHost, int port, String serverVersion, int internalSchemaVersion,
                                 Map<String, Object> frameworkProperties) {

    public HttpServerSettings {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(serverVersion, "serverVersion");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0..65535");
        }
        frameworkProperties = Map.copyOf(frameworkProperties);
    }

    /** Settings without extra framework properties. */
    public static HttpServerSettings of(String bindHost, int port, String serverVersion, int internalSchemaVersion) {
        return new HttpServerSettings(bindHost, port, serverVersion, internalSchemaVersion, Map.of());
    }
}
