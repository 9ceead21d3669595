package dev.omnigraph.benchmarks;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.OpenGraph;
import dev.omnigraph.application.engine.SnapshotGraphReader;
import dev.omnigraph.application.query.AdjacencyCache;
import dev.omnigraph.application.query.ParamBinder;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.query.QueryCompiler;
import dev.omnigraph.domain.query.plan.QueryPlan;
import dev.omnigraph.domain.query.plan.ReadPlan;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The engine scenario of the engine milestone: a synthetic, seeded Person/Knows graph (default 100k
 * people, 300k knows edges) loaded through the engine into Lance on local disk, then warm point
 * lookups, 1-hop and 2-hop traversals and a filtered scan run on one cached snapshot (as a server
 * would). Prints load time, peak RSS and per-query p50/p99.
 *
 * <p>Usage: {@code scripts/bench.sh engine [people] [edges]}.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {}

    private static final String SCHEMA = """
            node Person {
                name: String @key
                age: I32
                city: String
            }
            edge Knows: Person -> Person {
                since: I32?
            }
            """;

    private static final String QUERIES = """
            query point($name: String) {
                match { $p: Person { name: $name } }
                return { $p.name, $p.age }
            }
            query one_hop($name: String) {
                match { $p: Person { name: $name }  $p knows $q }
                return { $q.name }
            }
            query two_hop($name: String) {
                match { $p: Person { name: $name }  $p knows{2,2} $q }
                return { $q.name }
            }
            query filtered($city: String) {
                match { $p: Person  $p.city = $city  $p.age > 60 }
                return { $p.name }
            }
            """;

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int edges = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        Random random = new Random(42);
        StringBuilder jsonl = new StringBuilder(people * 60 + edges * 60);
        for (int i = 0; i < people; i++) {
            jsonl.append("{\"type\":\"Person\",\"data\":{\"name\":\"p").append(i).append("\",\"age\":").append(random.nextInt(90))
                    .append(",\"city\":\"c").append(random.nextInt(100)).append("\"}}\n");
        }
        for (int i = 0; i < edges; i++) {
            jsonl.append("{\"edge\":\"Knows\",\"from\":\"p").append(random.nextInt(people)).append("\",\"to\":\"p")
                    .append(random.nextInt(people)).append("\",\"data\":{\"since\":").append(1990 + random.nextInt(35)).append("}}\n");
        }
        Path root = Files.createTempDirectory("omnigraph-bench");
        String uri = root.resolve("graph").toString();
        try (TableStorage tables = TableStorages.lance(LanceProperties.defaults())) {
            GraphEngineService engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(),
                    SystemServices.clock(), SystemServices.ids());
            engine.initGraph(new InitGraphCommand(uri, "bench.pg", SCHEMA, Optional.empty()));
            long loadStart = System.nanoTime();
            engine.loadGraph(new LoadGraphCommand(uri, "main", LoadMode.OVERWRITE, "bench.jsonl", jsonl.toString(), Optional.empty()),
                    ProgressListener.NONE);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            jsonl.setLength(0);
            out.printf("graph: %d people, %d knows edges; load (overwrite, JSONL parse + validate + write + publish): %.2f s%n",
                    people, edges, loadSeconds);
            out.printf("peak RSS after load: %d MiB%n", peakRssKib() / 1024);

            OpenGraph graph = engine.open(uri, "main");
            SnapshotGraphReader reader = new SnapshotGraphReader(graph, tables);
            QueryExecutor executor = new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now());
            SourceFile source = new SourceFile("bench.gq", QUERIES);
            run(out, executor, reader, plan(graph, source, "point"), i -> "{\"name\":\"p" + ((i * 7919) % people) + "\"}", 2000);
            run(out, executor, reader, plan(graph, source, "one_hop"), i -> "{\"name\":\"p" + ((i * 7919) % people) + "\"}", 2000);
            run(out, executor, reader, plan(graph, source, "two_hop"), i -> "{\"name\":\"p" + ((i * 7919) % people) + "\"}", 2000);
            run(out, executor, reader, plan(graph, source, "filtered"), i -> "{\"city\":\"c" + (i % 100) + "\"}", 300);
            storageFloor(out, tables, graph.readRef(graph.visible("node:Person").orElseThrow()), people);
            out.printf("peak RSS at end: %d MiB%n", peakRssKib() / 1024);
        }
    }

    private static ReadPlan plan(OpenGraph graph, SourceFile source, String name) {
        return ((QueryPlan.Read) QueryCompiler.compile(graph.catalog(), source, name)).plan();
    }

    private static void run(PrintStream out, QueryExecutor executor, SnapshotGraphReader reader, ReadPlan plan,
                            IntFunction<String> params, int iterations) {
        int warmup = iterations / 4;
        long[] nanos = new long[iterations];
        long rows = 0;
        for (int i = 0; i < warmup + iterations; i++) {
            Map<String, Object> bound = ParamBinder.bind(plan, Codecs.json().decode("params", params.apply(i)));
            long start = System.nanoTime();
            rows += executor.execute(reader, plan, bound).rowCount();
            if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        out.printf("%-9s p50 %8.3f ms  p99 %8.3f ms  (%d runs, %.1f rows/run)%n", plan.name(), nanos[iterations / 2] / 1e6,
                nanos[(int) (iterations * 0.99)] / 1e6, iterations, rows / (double) (warmup + iterations));
    }

    /** The storage floor of a point lookup: one row taken by position, three columns, nothing else. */
    private static void storageFloor(PrintStream out, TableStorage tables, TableRef ref, int people) {
        int iterations = 2000;
        long[] nanos = new long[iterations];
        for (int i = 0; i < iterations + iterations / 4; i++) {
            long start = System.nanoTime();
            try (ScanCursor cursor = tables.take(ref, new long[] {(i * 7919L) % people}, Optional.of(List.of("id", "name", "age")))) {
                while (cursor.hasNext()) {
                    cursor.next();
                }
            }
            if (i >= iterations / 4) {
                nanos[i - iterations / 4] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        out.printf("%-9s p50 %8.3f ms  p99 %8.3f ms  (storage take of one row, for comparison)%n", "take", nanos[iterations / 2] / 1e6,
                nanos[(int) (iterations * 0.99)] / 1e6);
    }

    private static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException unavailable) {
            return -1;
        }
        return -1;
    }
}
