package dev.omnigraph.bootstrap;

import dev.omnigraph.adapters.storage.codec.Codecs;
import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.adapters.storage.system.SystemServices;
import dev.omnigraph.adapters.storage.table.LanceProperties;
import dev.omnigraph.adapters.storage.table.TableStorages;
import dev.omnigraph.application.engine.BranchService;
import dev.omnigraph.application.engine.GraphEngineService;
import dev.omnigraph.application.engine.MaintenanceService;
import dev.omnigraph.application.engine.MutationService;
import dev.omnigraph.application.engine.QueryService;
import dev.omnigraph.application.engine.SchemaApplyService;
import dev.omnigraph.application.query.AdjacencyCache;
import dev.omnigraph.application.query.MutationExecutor;
import dev.omnigraph.application.query.QueryExecutor;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.graph.recovery.RecoveryAuditRecord;
import dev.omnigraph.domain.graph.recovery.RecoveryKind;
import dev.omnigraph.domain.graph.recovery.SweepMode;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.ExportGraphCommand;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.MutateGraphResult;
import dev.omnigraph.ports.in.QueryGraphCommand;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.out.table.TableStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One "process" of the engine over a graph on local disk with real Lance tables, for crash tests: every service
 * wired as the CLI wires it, and {@link #restart()} to stand for a new process (fresh table storage and engine,
 * no in-memory state) over the same files. Writers heal in {@link SweepMode#FULL}, as each CLI invocation opens
 * the graph for writing.
 */
final class LanceGraphProcess implements AutoCloseable {

    private final Path root;
    private final String uri;
    private TableStorage tables;
    private GraphEngineService engine;
    private MutationService mutations;
    private QueryService queries;
    private SchemaApplyService schemas;
    private MaintenanceService maintenance;
    private BranchService branches;

    private LanceGraphProcess(Path root) {
        this.root = root;
        this.uri = root.toString();
        restart();
    }

    /** A process over a graph at {@code root} (which need not exist yet). */
    static LanceGraphProcess over(Path root) {
        return new LanceGraphProcess(root);
    }

    /** A process over a new graph at {@code root}: the example people schema, its seed loaded. */
    static LanceGraphProcess seededPeople(Path root) {
        LanceGraphProcess process = new LanceGraphProcess(root);
        try {
            Path examples = GraphEngineOnLanceTest.examples();
            process.engine.initGraph(new InitGraphCommand(process.uri, "schema.pg",
                    Files.readString(examples.resolve("schema.pg")), Optional.empty()));
            process.engine.loadGraph(new LoadGraphCommand(process.uri, "main", LoadMode.OVERWRITE, "seed.jsonl",
                    Files.readString(examples.resolve("seed.jsonl")), Optional.empty()), ProgressListener.NONE);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return process;
    }

    /** A new process over the same storage: what a crash followed by a restart leaves. */
    void restart() {
        restart(SweepMode.FULL);
    }

    /**
     * A new process whose writers heal in {@code healMode}: {@link SweepMode#ROLL_FORWARD_ONLY} is a long-lived
     * server that swept when it opened the graph.
     */
    void restart(SweepMode healMode) {
        if (tables != null) {
            tables.close();
        }
        tables = TableStorages.lance(LanceProperties.defaults());
        engine = new GraphEngineService(ObjectStores.locator(), tables, Codecs.json(), SystemServices.clock(),
                SystemServices.ids(), healMode);
        mutations = new MutationService(engine, Codecs.json(), new MutationExecutor(() -> SystemServices.clock().now()));
        queries = new QueryService(engine, tables, Codecs.json(),
                new QueryExecutor(new AdjacencyCache(), () -> SystemServices.clock().now()));
        schemas = new SchemaApplyService(engine);
        maintenance = new MaintenanceService(engine);
        branches = new BranchService(engine);
    }

    @Override
    public void close() {
        tables.close();
    }

    Path root() {
        return root;
    }

    String uri() {
        return uri;
    }

    TableStorage tables() {
        return tables;
    }

    GraphEngineService engine() {
        return engine;
    }

    MutationService mutations() {
        return mutations;
    }

    SchemaApplyService schemas() {
        return schemas;
    }

    MaintenanceService maintenance() {
        return maintenance;
    }

    BranchService branches() {
        return branches;
    }

    /** Runs a mutation query (the file's only query) with parameters as JSON, as actor {@code writer}. */
    MutateGraphResult mutate(String branch, String gq, String paramsJson) {
        return mutations.mutateGraph(new MutateGraphCommand(uri, branch, "m.gq", gq, Optional.empty(), paramsJson,
                Optional.empty(), Optional.of("writer")));
    }

    /** Runs a read query (the file's only query) and returns its rows as compact JSON. */
    String query(String branch, String gq, String paramsJson) {
        return JsonWriter.compact(queries.queryGraph(new QueryGraphCommand(uri, branch, Optional.empty(), "r.gq", gq,
                Optional.empty(), paramsJson)).result().toJson());
    }

    /** Runs a read query without parameters at an exact snapshot ({@code manifest:<branch>:v<N>}). */
    String queryAt(String snapshotId, String gq) {
        String branch = GraphEngineService.parseSnapshot(snapshotId).branch();
        return JsonWriter.compact(queries.queryGraph(new QueryGraphCommand(uri, branch, Optional.of(snapshotId), "r.gq", gq,
                Optional.empty(), "{}")).result().toJson());
    }

    /** The latest manifest version of a branch. */
    long manifestVersion(String branch) {
        return engine.snapshot(new SnapshotQuery(uri, branch)).manifestVersion();
    }

    /** The commits of a branch's history. */
    int commitCount(String branch) {
        return engine.listCommits(new CommitListQuery(uri, branch)).commits().size();
    }

    /** Every record of a branch's latest snapshot, as the export writes them. */
    List<String> export(String branch) {
        List<String> lines = new ArrayList<>();
        engine.exportGraph(new ExportGraphCommand(uri, branch, Optional.empty(), List.of()), lines::add);
        return lines;
    }

    /** The accepted schema source ({@code _schema.pg}). */
    String acceptedSchema() {
        try {
            return Files.readString(root.resolve("_schema.pg"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The files under {@code __recovery/} (sidecars), by name. */
    List<String> sidecarFiles() {
        return filesUnder(root.resolve("__recovery"));
    }

    /** The schema staging files at the root, by name. */
    List<String> stagingFiles() {
        List<String> staged = new ArrayList<>();
        for (String name : List.of("_schema.pg.staging", "_schema.ir.json.staging", "__schema_state.json.staging")) {
            if (Files.exists(root.resolve(name))) {
                staged.add(name);
            }
        }
        return staged;
    }

    List<RecoveryKind> auditKinds() {
        return engine.recoveryAudit(uri).stream().map(RecoveryAuditRecord::recoveryKind).toList();
    }

    private static List<String> filesUnder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
