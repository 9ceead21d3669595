package dev.omnigraph.bootstrap.endtoend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code bin/omnigraph-server} running as its own process: started with the given arguments and
 * environment, ready once it printed {@code OMNIGRAPH_LISTEN_ADDR=<ip:port>} (and, when started with
 * {@code --grpc-bind}, {@code OMNIGRAPH_GRPC_LISTEN_ADDR=<ip:port>}); its standard error is kept in a file so
 * tests can read the logs. Closing stops it with SIGTERM (graceful) and waits.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);

    private final Process process;
    private final Path stderr;
    private final StringBuilder stdout = new StringBuilder();
    private final String listenAddress;
    private final Optional<String> grpcListenAddress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServerProcess(Process process, Path stderr, String listenAddress, Optional<String> grpcListenAddress) {
        this.process = process;
        this.stderr = stderr;
        this.listenAddress = listenAddress;
        this.grpcListenAddress = grpcListenAddress;
    }

    /** What a server that refused to start printed. */
    record Refusal(int exitCode, String stdout, String stderr) {}

    /** Starts a server that must come up. */
    static ServerProcess start(Map<String, String> environment, String... args) {
        Started started = launch(environment, args);
        if (started.server().isEmpty()) {
            Refusal refusal = started.refusal().orElseThrow();
            throw new AssertionError("the server did not start (exit " + refusal.exitCode() + ")\nstdout:\n"
                    + refusal.stdout() + "\nstderr:\n" + refusal.stderr());
        }
        return started.server().get();
    }

    /** Starts a server that must refuse to start; returns what it printed. */
    static Refusal refuse(Map<String, String> environment, String... args) {
        Started started = launch(environment, args);
        if (started.server().isPresent()) {
            started.server().get().close();
            throw new AssertionError("the server started although it should have refused: " + String.join(" ", args));
        }
        return started.refusal().orElseThrow();
    }

    private record Started(Optional<ServerProcess> server, Optional<Refusal> refusal) {}

    private static Started launch(Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Distribution.bin("omnigraph-server").toString());
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createTempFile("omnigraph-server", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("OMNIGRAPH_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            boolean servesGrpc = List.of(args).contains("--grpc-bind");
            String[] grpcBound = new String[1];
            CompletableFuture<Optional<String>> address = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    String httpBound = null;
                    while ((line = lines.readLine()) != null) {
                        printed.append(line).append('\n');
                        if (line.startsWith("OMNIGRAPH_LISTEN_ADDR=")) {
                            httpBound = line.substring("OMNIGRAPH_LISTEN_ADDR=".length()).trim();
                        } else if (line.startsWith("OMNIGRAPH_GRPC_LISTEN_ADDR=")) {
                            grpcBound[0] = line.substring("OMNIGRAPH_GRPC_LISTEN_ADDR=".length()).trim();
                        }
                        // the gRPC line, when asked for, follows the HTTP one
                        if (httpBound != null && (!servesGrpc || grpcBound[0] != null)) {
                            return Optional.of(httpBound);
                        }
                    }
                    return Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                }
            });
            Optional<String> bound;
            try {
                bound = address.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new AssertionError("the server printed no OMNIGRAPH_LISTEN_ADDR within " + STARTUP
                        + "\nstderr:\n" + Files.readString(stderr));
            } catch (ExecutionException e) {
                throw new AssertionError(e);
            }
            if (bound.isEmpty()) {
                process.waitFor(30, TimeUnit.SECONDS);
                return new Started(Optional.empty(), Optional.of(new Refusal(process.isAlive() ? -1 : process.exitValue(),
                        printed.toString(), Files.readString(stderr, StandardCharsets.UTF_8))));
            }
            ServerProcess server = new ServerProcess(process, stderr, bound.get(), Optional.ofNullable(grpcBound[0]));
            server.stdout.append(printed);
            // keep draining stdout so the server never blocks on a full pipe
            Thread drain = new Thread(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        synchronized (server.stdout) {
                            server.stdout.append(line).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "server-stdout");
            drain.setDaemon(true);
            drain.start();
            return new Started(Optional.of(server), Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    String listenAddress() {
        return listenAddress;
    }

    /** The {@code OMNIGRAPH_GRPC_LISTEN_ADDR} of a server started with {@code --grpc-bind}. */
    String grpcListenAddress() {
        return grpcListenAddress.orElseThrow(() -> new AssertionError("the server was started without --grpc-bind"));
    }

    URI uri(String path) {
        return URI.create("http://" + listenAddress + path);
    }

    /** A request to this server; {@code token} (nullable) becomes {@code Authorization: Bearer <token>}. */
    HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null);
    }

    HttpResponse<String> post(String path, String token, String body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    /** Everything the server logged so far. */
    String logs() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String printed() {
        synchronized (stdout) {
            return stdout.toString();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: graceful shutdown
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The exit code after {@link #close()}. */
    int exitCode() {
        return process.exitValue();
    }
}
