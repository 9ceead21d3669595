package dev.omnigraph.bootstrap;

import dev.omnigraph.adapters.cli.OmnigraphVersion;
import dev.omnigraph.adapters.grpc.GrpcServerSettings;
import dev.omnigraph.adapters.grpc.GrpcServerStarter;
import dev.omnigraph.adapters.grpc.RunningGrpcServer;
import dev.omnigraph.adapters.http.HttpServerSettings;
import dev.omnigraph.adapters.http.HttpServerStarter;
import dev.omnigraph.adapters.http.RunningHttpServer;
import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.application.access.BearerTokenLoader;
import dev.omnigraph.application.access.BearerTokenSourceException;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.serving.AdmissionControl;
import dev.omnigraph.application.serving.BootOutcome;
import dev.omnigraph.application.serving.BootSettings;
import dev.omnigraph.domain.access.BearerTokenTable;
import dev.omnigraph.domain.access.InvalidBearerTokensException;
import dev.omnigraph.domain.access.TruthyFlag;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code bin/omnigraph-server}: boots the applied revision of a cluster (cluster-server
 * notes §7) and serves it over HTTP, and with {@code --grpc-bind} also over gRPC, until SIGINT or SIGTERM.
 * Both doors serve the one {@code ServeGraphsUseCase} of the boot, so tokens, policy decisions, runtime state
 * and quarantine are the same on each. Exit codes: 0 after a graceful stop, 1 when the boot is refused or a
 * listener cannot bind (every reason printed on standard error), 2 for bad arguments.
 */
public final class OmnigraphServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(OmnigraphServerMain.class);
    /**
     * micronaut-grpc starts a gRPC server beside any HTTP server unless told not to: the HTTP context never
     * serves gRPC; {@code --grpc-bind} starts it in a context of its own.
     */
    private static final String GRPC_SERVER_ENABLED = "grpc.server.enabled";

    private OmnigraphServerMain() {}

    public static void main(String[] args) {
        // one logging pipeline: java.util.logging records (grpc-netty's) go through SLF4J to logback's format,
        // levels and standard error instead of JUL's own console handler
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(new ServerCommand(out, err, System.getenv()));
        commandLine.setOut(out);
        commandLine.setErr(err);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** The {@code omnigraph-server} command line. */
    @Command(name = "omnigraph-server", mixinStandardHelpOptions = true, versionProvider = OmnigraphVersion.class,
            description = "Serves the applied revision of an Omnigraph cluster over HTTP (and gRPC with --grpc-bind).%n"
                    + "Tokens: OMNIGRAPH_SERVER_BEARER_TOKEN, OMNIGRAPH_SERVER_BEARER_TOKENS_FILE, "
                    + "OMNIGRAPH_SERVER_BEARER_TOKENS_JSON. Prints OMNIGRAPH_LISTEN_ADDR=<ip:port> once bound "
                    + "(then OMNIGRAPH_GRPC_LISTEN_ADDR=<ip:port> when serving gRPC).")
    static final class ServerCommand implements Callable<Integer> {
        private final PrintWriter out;
        private final PrintWriter err;
        private final Map<String, String> environment;

        @Option(names = "--cluster", paramLabel = "<dir|uri>",
                description = "The cluster to serve: a config folder, or a storage root URI (file://, s3://, az://) "
                        + "for config-free serving. Default: $OMNIGRAPH_CLUSTER.")
        String cluster;

        @Option(names = "--bind", paramLabel = "<ip:port>", defaultValue = "127.0.0.1:8080",
                description = "Where to listen (port 0 picks a free port). Default: ${DEFAULT-VALUE}.")
        String bind;

        @Option(names = "--grpc-bind", paramLabel = "<ip:port>",
                description = "Also serve the gRPC API (omnigraph.v1.GraphService, health, reflection) here "
                        + "(port 0 picks a free port). Default: no gRPC.")
        String grpcBind;

        @Option(names = "--unauthenticated",
                description = "Allow serving with no tokens and no policy (local development only); "
                        + "also OMNIGRAPH_UNAUTHENTICATED=1.")
        boolean unauthenticated;

        @Option(names = "--require-all-graphs",
                description = "Refuse to start unless every applied graph can be served; also OMNIGRAPH_REQUIRE_ALL_GRAPHS=1.")
        boolean requireAllGraphs;

        ServerCommand(PrintWriter out, PrintWriter err, Map<String, String> environment) {
            this.out = out;
            this.err = err;
            this.environment = environment;
        }

        @Override
        public Integer call() throws Exception {
            String source = Optional.ofNullable(cluster).filter(value -> !value.isBlank())
                    .or(() -> Optional.ofNullable(environment.get("OMNIGRAPH_CLUSTER")).filter(value -> !value.isBlank()))
                    .orElse(null);
            if (source == null) {
                err.println("omnigraph-server: error: omnigraph-server boots from a cluster: pass --cluster <dir|s3://…> "
                        + "(a cluster config folder, or the storage root of an applied cluster)");
                return 2;
            }
            InetSocketAddress bindAddress;
            Optional<InetSocketAddress> grpcAddress;
            try {
                bindAddress = parseBind(bind, "--bind");
                grpcAddress = grpcBind == null ? Optional.empty() : Optional.of(parseBind(grpcBind, "--grpc-bind"));
            } catch (IllegalArgumentException invalid) {
                err.println("omnigraph-server: error: " + invalid.getMessage());
                return 2;
            }
            BearerTokenTable tokens;
            try {
                tokens = new BearerTokenLoader(Codecs.json()).load(environment, OmnigraphServerMain::readTokenFile);
            } catch (BearerTokenSourceException | InvalidBearerTokensException | UncheckedIOException invalid) {
                err.println("omnigraph-server: error: " + invalid.getMessage());
                return 1;
            }
            AdmissionControl admission;
            try {
                admission = new AdmissionControl(
                        intSetting("OMNIGRAPH_PER_ACTOR_INFLIGHT_MAX", AdmissionControl.DEFAULT_INFLIGHT_MAX),
                        longSetting("OMNIGRAPH_PER_ACTOR_BYTES_MAX", AdmissionControl.DEFAULT_BYTES_MAX));
            } catch (IllegalArgumentException invalid) { // NumberFormatException included
                err.println("omnigraph-server: error: OMNIGRAPH_PER_ACTOR_INFLIGHT_MAX and OMNIGRAPH_PER_ACTOR_BYTES_MAX "
                        + "must be positive integers (" + invalid.getMessage() + ")");
                return 2;
            }
            BootSettings settings = new BootSettings(source,
                    requireAllGraphs || TruthyFlag.isTruthy(Optional.ofNullable(environment.get("OMNIGRAPH_REQUIRE_ALL_GRAPHS"))),
                    unauthenticated || TruthyFlag.isTruthy(Optional.ofNullable(environment.get("OMNIGRAPH_UNAUTHENTICATED"))),
                    tokens, admission);

            try (ServerWiring wiring = new ServerWiring()) {
                BootOutcome outcome = wiring.boot().boot(settings);
                if (outcome instanceof BootOutcome.Refused refused) {
                    err.println("omnigraph-server: error: " + refused.message());
                    return 1;
                }
                BootOutcome.Ready ready = (BootOutcome.Ready) outcome;
                ready.warnings().forEach(warning -> LOG.warn("{}", warning));
                LOG.info("serving {} graph(s) of '{}' in runtime state {}", ready.service().graphs().size(), source,
                        ready.state());
                RunningHttpServer http;
                try {
                    http = HttpServerStarter.start(ready.service(), HttpServerSettings.of(bindAddress.getHostString(),
                            bindAddress.getPort(), OmnigraphVersion.current(), GraphEngineService.INTERNAL_SCHEMA_VERSION),
                            Map.of(GRPC_SERVER_ENABLED, false));
                } catch (RuntimeException bindFailed) {
                    err.println("omnigraph-server: error: could not listen on " + bind + ": " + bindFailed.getMessage());
                    return 1;
                }
                // gRPC, when asked for, serves the same use case (one runtime state, one set of tokens and
                // decisions) from a context of its own
                Optional<RunningGrpcServer> grpc;
                try {
                    grpc = grpcAddress.map(address -> GrpcServerStarter.start(ready.service(),
                            GrpcServerSettings.of(address.getHostString(), address.getPort())));
                } catch (RuntimeException bindFailed) {
                    http.close();
                    err.println("omnigraph-server: error: could not listen for gRPC on " + grpcBind + ": "
                            + bindFailed.getMessage());
                    return 1;
                }
                Runnable stopServing = () -> stopBoth(http, grpc);
                // SIGINT/SIGTERM ask for a graceful stop: the listener closes, in-flight requests finish, and the
                // process exits 0 (a supervisor sees a clean stop, not 130/143). Any other JVM exit still closes
                // the server through the shutdown hook.
                CountDownLatch stopRequested = new CountDownLatch(1);
                for (String name : new String[] {"TERM", "INT"}) {
                    try {
                        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> stopRequested.countDown());
                    } catch (IllegalArgumentException unsupported) {
                        LOG.debug("signal {} cannot be handled on this platform", name);
                    }
                }
                Runtime.getRuntime().addShutdownHook(new Thread(stopServing, "omnigraph-server-shutdown"));
                out.println("OMNIGRAPH_LISTEN_ADDR=" + http.address().getHostString() + ":" + http.port());
                grpc.ifPresent(server -> out.println("OMNIGRAPH_GRPC_LISTEN_ADDR=" + server.address().getHostString()
                        + ":" + server.port()));
                out.flush();
                stopRequested.await();
                LOG.info("shutting down: finishing in-flight requests");
                stopServing.run();
                return 0;
            }
        }

        private int intSetting(String name, int fallback) {
            return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank()).map(String::trim)
                    .map(Integer::parseInt).orElse(fallback);
        }

        private long longSetting(String name, long fallback) {
            return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank()).map(String::trim)
                    .map(Long::parseLong).orElse(fallback);
        }
    }

    /**
     * Stops both doors at once (each idempotently), so a stop takes one grace period, not two: the gRPC
     * server drains on its own thread while the HTTP server drains on this one.
     */
    private static void stopBoth(RunningHttpServer http, Optional<RunningGrpcServer> grpc) {
        Thread grpcStop = new Thread(() -> grpc.ifPresent(RunningGrpcServer::close), "omnigraph-grpc-shutdown");
        grpcStop.start();
        http.close();
        try {
            grpcStop.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code <ip|host>:<port>}; an IPv6 literal goes in brackets. */
    static InetSocketAddress parseBind(String bind) {
        return parseBind(bind, "--bind");
    }

    /** As {@link #parseBind(String)}, naming {@code option} in the refusal. */
    static InetSocketAddress parseBind(String bind, String option) {
        int colon = bind.lastIndexOf(':');
        if (colon <= 0 || colon == bind.length() - 1) {
            throw new IllegalArgumentException(option + " wants <ip:port>, not '" + bind + "'");
        }
        String host = bind.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(bind.substring(colon + 1));
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException(option + " wants <ip:port>, not '" + bind + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(option + " port out of range: " + port);
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static String readTokenFile(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read OMNIGRAPH_SERVER_BEARER_TOKENS_FILE '" + path + "': "
                    + unreadable.getMessage(), unreadable);
        }
    }
}
