package dev.omnigraph.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.omnigraph.adapters.grpc.v1.ExportChunk;
import dev.omnigraph.adapters.grpc.v1.ExportRequest;
import dev.omnigraph.adapters.grpc.v1.GraphServiceGrpc;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryRequest;
import dev.omnigraph.adapters.grpc.v1.InvokeStoredQueryResponse;
import dev.omnigraph.adapters.grpc.v1.LoadMode;
import dev.omnigraph.adapters.grpc.v1.LoadRequest;
import dev.omnigraph.adapters.grpc.v1.LoadResult;
import dev.omnigraph.adapters.grpc.v1.LoadTarget;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gRPC door of a running server under load, run by {@code scripts/bench.sh grpc}. Numbers are printed,
 * never asserted.
 *
 * <ul>
 *   <li>{@code read <host:port> <token|-> <clients> <seconds> <graph> <stored-query> <name-param>}: {@code clients}
 *       concurrent clients (one channel each) invoke a stored read in a closed loop for {@code seconds} after a
 *       warm-up of a fifth of that; throughput, latency percentiles and errors are printed (as
 *       {@link ServerLoadBenchmark} does for HTTP).</li>
 *   <li>{@code load-people <host:port> <token|-> <graph> <count>}: streams {@code count} generated Person
 *       records through {@code Load} (1 MiB chunks; one call per 8,000 records, the engine's merge ceiling).</li>
 *   <li>{@code export <host:port> <token|-> <graph> <server-pid>}: exports the graph through {@code Export},
 *       counting records and bytes while sampling the server's resident memory every 20 ms.</li>
 * </ul>
 */
public final class GrpcBenchmark {

    private GrpcBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: GrpcBenchmark read|load-people|export ...");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "read" -> read(rest);
            case "load-people" -> loadPeople(rest);
            case "export" -> export(rest);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static ManagedChannel channel(String address) {
        int colon = address.lastIndexOf(':');
        return Grpc.newChannelBuilderForAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                InsecureChannelCredentials.create()).maxInboundMessageSize(16 * 1024 * 1024).build();
    }

    private static CallCredentials bearer(String token) {
        Metadata.Key<String> authorization = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(authorization, "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    private static GraphServiceGrpc.GraphServiceBlockingStub blocking(ManagedChannel channel, String token) {
        GraphServiceGrpc.GraphServiceBlockingStub stub = GraphServiceGrpc.newBlockingStub(channel);
        return token.equals("-") ? stub : stub.withCallCredentials(bearer(token));
    }

    // ---- read: stored read under concurrent clients -------------------------------------------------

    private static void read(String[] args) throws Exception {
        String address = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        InvokeStoredQueryRequest request = InvokeStoredQueryRequest.newBuilder().setGraphId(args[4]).setName(args[5])
                .setParams(Struct.newBuilder().putFields("name", Value.newBuilder().setStringValue(args[6]).build()))
                .build();
        List<ManagedChannel> channels = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            channels.add(channel(address));
        }
        try {
            run(channels, token, request, Math.max(1, seconds / 5));
            LoadResultSummary result = run(channels, token, request, seconds);
            long[] latencies = result.latenciesMicros();
            Arrays.sort(latencies);
            System.out.printf("grpc load: InvokeStoredQuery %s, %d clients, %d s%n", args[5], clients, seconds);
            System.out.printf("  requests %d, errors %d, throughput %.0f req/s%n", latencies.length + result.errors(),
                    result.errors(), latencies.length / (double) seconds);
            System.out.printf("  latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0);
            if (result.firstError() != null) {
                System.out.println("  first error: " + result.firstError());
            }
        } finally {
            channels.forEach(ManagedChannel::shutdownNow);
        }
    }

    private record LoadResultSummary(long[] latenciesMicros, long errors, String firstError) {}

    private static LoadResultSummary run(List<ManagedChannel> channels, String token, InvokeStoredQueryRequest request,
                                         int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        String[] firstError = new String[1];
        ExecutorService pool = Executors.newFixedThreadPool(channels.size());
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (ManagedChannel channel : channels) {
            workers.add(pool.submit(() -> {
                GraphServiceGrpc.GraphServiceBlockingStub stub = blocking(channel, token);
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        Iterator<InvokeStoredQueryResponse> parts = stub.withDeadlineAfter(30, TimeUnit.SECONDS)
                                .invokeStoredQuery(request);
                        parts.forEachRemaining(part -> { });
                        latencies.add((System.nanoTime() - start) / 1000);
                    } catch (StatusRuntimeException failed) {
                        synchronized (firstError) {
                            errors.incrementAndGet();
                            if (firstError[0] == null) {
                                firstError[0] = failed.getStatus().toString();
                            }
                        }
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
        return new LoadResultSummary(all.stream().mapToLong(Long::longValue).toArray(), errors.get(), firstError[0]);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    // ---- load-people: many records through the client-streaming Load ---------------------------------

    /** The engine's ceiling for one merge load of one type; larger inputs go in several loads. */
    private static final int RECORDS_PER_LOAD = 8_000;

    private static void loadPeople(String[] args) throws Exception {
        String address = args[0];
        String token = args[1];
        String graph = args[2];
        int count = Integer.parseInt(args[3]);
        ManagedChannel channel = channel(address);
        try {
            GraphServiceGrpc.GraphServiceStub stub = GraphServiceGrpc.newStub(channel);
            if (!token.equals("-")) {
                stub = stub.withCallCredentials(bearer(token));
            }
            long start = System.nanoTime();
            long bytes = 0;
            long loaded = 0;
            int loads = 0;
            for (int first = 0; first < count; first += RECORDS_PER_LOAD) {
                int last = Math.min(count, first + RECORDS_PER_LOAD);
                StringBuilder records = new StringBuilder();
                for (int i = first; i < last; i++) {
                    records.append("{\"type\":\"Person\",\"data\":{\"name\":\"bench-person-").append(i)
                            .append("\",\"age\":").append(18 + i % 80).append(",\"role\":\"member\",\"email\":\"p")
                            .append(i).append("@bench.example\",\"tags\":[\"bench\",\"t").append(i % 7).append("\"]}}\n");
                }
                ByteString data = ByteString.copyFromUtf8(records.toString());
                bytes += data.size();
                loaded += load(stub, graph, data).getTotalEntities();
                loads++;
            }
            System.out.printf("grpc load: %d records (%.1f MiB) in %d Load calls of at most %d, %d entities loaded, %.1f s%n",
                    count, bytes / 1048576.0, loads, RECORDS_PER_LOAD, loaded, (System.nanoTime() - start) / 1e9);
        } finally {
            channel.shutdownNow();
        }
    }

    /** One client-streaming Load: the target, then the records in chunks of 1 MiB. */
    private static LoadResult load(GraphServiceGrpc.GraphServiceStub stub, String graph, ByteString records)
            throws Exception {
        CompletableFuture<LoadResult> answer = new CompletableFuture<>();
        StreamObserver<LoadRequest> requests = stub.withDeadlineAfter(30, TimeUnit.MINUTES).load(new StreamObserver<>() {
            @Override
            public void onNext(LoadResult value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable failed) {
                answer.completeExceptionally(failed);
            }

            @Override
            public void onCompleted() {
                // the result came first
            }
        });
        requests.onNext(LoadRequest.newBuilder().setTarget(LoadTarget.newBuilder().setGraphId(graph)
                .setMode(LoadMode.LOAD_MODE_MERGE)).build());
        for (int offset = 0; offset < records.size(); offset += 1024 * 1024) {
            requests.onNext(LoadRequest.newBuilder()
                    .setNdjson(records.substring(offset, Math.min(records.size(), offset + 1024 * 1024))).build());
        }
        requests.onCompleted();
        return answer.get(30, TimeUnit.MINUTES);
    }

    // ---- export: a large export and the server's memory ----------------------------------------------

    private static void export(String[] args) throws Exception {
        String address = args[0];
        String token = args[1];
        String graph = args[2];
        long pid = Long.parseLong(args[3]);
        ManagedChannel channel = channel(address);
        AtomicLong peakRssKib = new AtomicLong(rssKib(pid, "VmRSS:"));
        long startRss = peakRssKib.get();
        long startHwm = rssKib(pid, "VmHWM:");
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRssKib.accumulateAndGet(rssKib(pid, "VmRSS:"), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            long start = System.nanoTime();
            long records = 0;
            long bytes = 0;
            long chunks = 0;
            Iterator<ExportChunk> stream = blocking(channel, token).withDeadlineAfter(30, TimeUnit.MINUTES)
                    .export(ExportRequest.newBuilder().setGraphId(graph).build());
            while (stream.hasNext()) {
                ByteString data = stream.next().getNdjson();
                chunks++;
                bytes += data.size();
                for (int i = 0; i < data.size(); i++) {
                    if (data.byteAt(i) == '\n') {
                        records++;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            sampler.join();
            System.out.printf("grpc export: %d records, %.1f MiB in %d chunks, %.2f s (%.0f records/s)%n", records,
                    bytes / 1048576.0, chunks, seconds, records / seconds);
            System.out.printf("  server RSS before %.0f MiB, peak during export %.0f MiB (VmHWM before %.0f MiB, after %.0f MiB)%n",
                    startRss / 1024.0, peakRssKib.get() / 1024.0, startHwm / 1024.0, rssKib(pid, "VmHWM:") / 1024.0);
        } finally {
            channel.shutdownNow();
        }
    }

    /** A memory line of {@code /proc/<pid>/status} in KiB (0 where unavailable). */
    private static long rssKib(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
        return 0;
    }
}
