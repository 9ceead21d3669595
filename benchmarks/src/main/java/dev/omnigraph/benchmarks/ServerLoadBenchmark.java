package dev.omnigraph.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on a running server: {@code clients} concurrent HTTP clients each send the same request in a closed
 * loop for {@code seconds} (after a warm-up of a fifth of that), then throughput, latency percentiles and
 * errors are printed. Numbers are printed, never asserted. Run by {@code scripts/bench.sh server}.
 *
 * <p>Arguments: base URL, path, JSON body, bearer token ("-" for none), clients, seconds.
 */
public final class ServerLoadBenchmark {

    private ServerLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: ServerLoadBenchmark <base-url> <path> <json-body> <token|-> <clients> <seconds>");
        }
        URI uri = URI.create(args[0] + args[1]);
        String body = args[2];
        String token = args[3];
        int clients = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);

        run(uri, body, token, clients, Math.max(1, seconds / 5), false);
        Result result = run(uri, body, token, clients, seconds, true);
        long[] latencies = result.latenciesMicros();
        Arrays.sort(latencies);
        System.out.printf("server load: POST %s, %d clients, %d s%n", uri.getPath(), clients, seconds);
        System.out.printf("  requests %d, errors %d, throughput %.0f req/s%n", latencies.length + result.errors(),
                result.errors(), latencies.length / (double) seconds);
        System.out.printf("  latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0);
        if (result.firstError() != null) {
            System.out.println("  first error: " + result.firstError());
        }
    }

    private record Result(long[] latenciesMicros, long errors, String firstError) {}

    private static Result run(URI uri, String body, String token, int clients, int seconds, boolean measured)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                if (!token.equals("-")) {
                    builder.header("Authorization", "Bearer " + token);
                }
                HttpRequest request = builder.build();
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            latencies.add((System.nanoTime() - start) / 1000);
                        } else {
                            recordError(errors, firstError, response.statusCode() + " " + response.body());
                        }
                    } catch (java.io.IOException failed) {
                        recordError(errors, firstError, failed.toString());
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        pool.shutdown();
        return new Result(all.stream().mapToLong(Long::longValue).toArray(), errors.get(), firstError[0]);
    }

    private static synchronized void recordError(AtomicLong errors, String[] firstError, String what) {
        errors.incrementAndGet();
        if (firstError[0] == null) {
            firstError[0] = what;
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
