package dev.omnigraph.adapters.grpc;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the gRPC server binds and stops.
 *
 * @param bindHost the address to listen on (e.g. {@code 127.0.0.1}, {@code 0.0.0.0})
 * @param port the port to listen on; {@code 0} lets the system choose (read it from
 *     {@link RunningGrpcServer#port()})
 * @param gracePeriod how long stopping waits for in-flight calls before cancelling them
 * @param frameworkProperties extra Micronaut properties (e.g. {@code grpc.server.max-inbound-message-size});
 *     they win over the ones derived from the other settings
 */
public record GrpcServerSettings(String bindHost, int port, Duration gracePeriod, Map<String, Object> frameworkProperties) {

    /** The grace period of {@link #of}: the HTTP server's, so one SIGTERM gives both doors the same time. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

    public GrpcServerSettings {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0..65535");
        }
        if (gracePeriod.isNegative()) {
            throw new IllegalArgumentException("the grace period must not be negative");
        }
        frameworkProperties = Map.copyOf(frameworkProperties);
    }

    /** Settings with the default grace period and no extra framework properties. */
    public static GrpcServerSettings of(String bindHost, int port) {
        return new GrpcServerSettings(bindHost, port, DEFAULT_GRACE_PERIOD, Map.of());
    }
}
