package dev.omnigraph.application.engine;

import dev.omnigraph.application.engine.GraphTables.TableLayout;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestFold;
import dev.omnigraph.domain.graph.SnapshotId;
import dev.omnigraph.domain.graph.recovery.RecoveryAuditRecord;
import dev.omnigraph.domain.graph.recovery.RecoverySidecar;
import dev.omnigraph.domain.graph.recovery.SweepMode;
import dev.omnigraph.domain.graph.recovery.WriterKind;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitListResult;
import dev.omnigraph.ports.in.CommitQuery;
import dev.omnigraph.ports.in.CommitResult;
import dev.omnigraph.ports.in.DescribeGraphUseCase;
import dev.omnigraph.ports.in.ExportGraphCommand;
import dev.omnigraph.ports.in.ExportGraphResult;
import dev.omnigraph.ports.in.ExportGraphUseCase;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.InitGraphResult;
import dev.omnigraph.ports.in.InitGraphUseCase;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphResult;
import dev.omnigraph.ports.in.LoadGraphUseCase;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.in.SnapshotResult;
import dev.omnigraph.ports.out.Clock;
import dev.omnigraph.ports.out.IdSource;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableNotFoundException;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableStorageException;
import dev.omnigraph.ports.out.table.TableVersionNotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph engine's entry points for creating, opening, loading, exporting and describing graphs.
 *
 * <p>Writers of one graph are serialised inside the process by a per-root gate. Across processes, a writer
 * whose branch head moved between preparing and its first effect writes nothing (and is replayed, fails its
 * precondition or reports a conflict, see {@link dev.omnigraph.domain.graph.StaleWriteDecision}); after that,
 * table expected versions and the manifest's compare-and-swap make exactly one publication win, and the
 * others fail or re-parent.
 */
public final class GraphEngineService implements InitGraphUseCase, LoadGraphUseCase, ExportGraphUseCase,
        DescribeGraphUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(GraphEngineService.class);

    /** The storage format's internal schema version this build writes and reads (HTTP {@code internal_schema_version}). */
    public static final int INTERNAL_SCHEMA_VERSION = Integer.parseInt(ManifestTable.INTERNAL_SCHEMA_VERSION);

    private final ObjectStoreLocator stores;
    private final TableStorage tables;
    private final JsonDecoder json;
    private final Clock clock;
    private final IdSource ids;
    private final ManifestTable manifest;
    private final ManifestPublisher publisher;
    private final GraphLoader loader;
    private final GraphExporter exporter;
    private final RecoveryService recovery;
    private final RecoverableWrites writes;
    private final GraphInitializer initializer;
    private final ConcurrentHashMap<String, ReentrantLock> writerGates = new ConcurrentHashMap<>();

    /**
     * An engine for processes that open a graph for one operation each (the CLI): every writer, and every
     * maintenance operation, first resolves pending recoveries with the full sweep ({@link SweepMode#FULL}),
     * as opening the graph for writes does in the reference.
     */
    public GraphEngineService(ObjectStoreLocator stores, TableStorage tables, JsonDecoder json, Clock clock, IdSource ids) {
        this(stores, tables, json, clock, ids, SweepMode.FULL);
    }

    /**
     * An engine with an explicit heal mode for writers (engine notes §8.2, the heal-first rule). A long-lived
     * process (a server) passes {@link SweepMode#ROLL_FORWARD_ONLY}: it calls {@link #recoverGraph} once per
     * graph when it opens it (the full sweep, which may restore tables), and from then on writers only roll
     * forward what fully landed and refuse with {@code recovery_required} when a sidecar needs a restore —
     * a restore inside a live process could orphan a concurrent append. Maintenance operations then refuse
     * any sidecar still pending instead of sweeping.
     *
     * @param writerHealMode {@link SweepMode#FULL} for one operation per process, {@link SweepMode#ROLL_FORWARD_ONLY}
     *     for a long-lived process that swept at open
     */
    public GraphEngineService(ObjectStoreLocator stores, TableStorage tables, JsonDecoder json, Clock clock, IdSource ids,
                              SweepMode writerHealMode) {
        this.stores = stores;
        this.tables = tables;
        this.json = json;
        this.clock = clock;
        this.ids = ids;
        this.manifest = new ManifestTable(tables, json);
        this.publisher = new ManifestPublisher(tables, manifest);
        this.loader = new GraphLoader(tables, json, ids);
        this.recovery = new RecoveryService(this);
        this.writes = new RecoverableWrites(this, recovery, Objects.requireNonNull(writerHealMode, "writerHealMode"));
        this.exporter = new GraphExporter(tables);
        this.initializer = new GraphInitializer(this);
    }

    /** How writers heal pending recoveries in this engine (see the constructors). */
    public SweepMode writerHealMode() {
        return writes.healMode();
    }

    // ---- init ------------------------------------------------------------------------------------

    /** Creates a graph; see {@link GraphInitializer} for what each failure leaves behind. */
    @Override
    public InitGraphResult initGraph(InitGraphCommand command) {
        GraphRoot root = root(command.graphUri());
        return underWriterGate(root, () -> initializer.initialize(root, command));
    }

    // ---- open --------------------------------------------------------------------------------

    /**
     * Opens the latest snapshot of a branch for reading.
     *
     * @throws GraphEngineException {@code RECOVERY_REQUIRED} while a crashed schema apply is published but its
     *     schema files are not yet promoted (see {@link #refuseUnpromotedSchema})
     */
    public OpenGraph open(String graphUri, String branch) {
        GraphRoot root = root(graphUri);
        long version = latestManifestVersion(root, branch);
        return refuseUnpromotedSchema(root, openAt(root, branch, version));
    }

    /** Opens an exact snapshot for reading; refuses as {@link #open} does. */
    public OpenGraph openSnapshot(String graphUri, SnapshotId snapshot) {
        GraphRoot root = root(graphUri);
        latestManifestVersion(root, snapshot.branch());
        return refuseUnpromotedSchema(root, openAt(root, snapshot.branch(), snapshot.manifestVersion()));
    }

    /**
     * A schema apply publishes its tables first and promotes its schema files after; a process dying in between
     * leaves tables of the new schema under the old accepted schema until a writer (or {@code repair}) recovers it.
     * A read in that window would interpret the new tables through the old schema, so it is refused with
     * {@code recovery_required}, as the reference's read-only open does (engine notes §8.2). Costs one listing of
     * {@code __recovery/} per read; the manifest is read only when a schema apply's sidecar is pending.
     */
    private OpenGraph refuseUnpromotedSchema(GraphRoot root, OpenGraph graph) {
        for (RecoverySidecar sidecar : recovery.pending(root, true)) {
            if (sidecar.writerKind() != WriterKind.SCHEMA_APPLY || sidecar.schemaTargetIrHash().isEmpty()
                    || sidecar.schemaTargetIrHash().get().equals(graph.schema().state().schemaIrHash())) {
                continue;
            }
            String manifestLocation = root.manifestLocation();
            long mainVersion = latestManifestVersion(root, TableRef.MAIN);
            boolean published = !manifest.read(TableRef.at(manifestLocation, TableRef.MAIN, mainVersion),
                    TableFilter.eq("object_id", sidecar.graphCommitId())).isEmpty();
            if (published) {
                throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "a schema apply (" + sidecar.operationId()
                        + ") of " + root.uri() + " was published but its schema files were not promoted; reads would "
                        + "see its tables through the old schema. Reopen the graph read-write (any CLI write, or "
                        + "`omnigraph repair`) to finish it");
            }
        }
        return graph;
    }

    OpenGraph openAt(GraphRoot root, String branch, long version) {
        SchemaContract contract = SchemaContract.read(root.files(), json);
        List<ManifestEntry> rows;
        try {
            checkManifestStamp(root, branch, version);
            rows = manifest.read(TableRef.at(root.manifestLocation(), branch, version));
        } catch (TableVersionNotFoundException missing) {
            if (version <= latestManifestVersion(root, branch)) {
                throw new GraphEngineException(GraphErrorKind.HISTORICAL_VERSION_RECLAIMED, "snapshot "
                        + SnapshotId.of(branch, version) + " was reclaimed by cleanup", missing);
            }
            throw new GraphEngineException(GraphErrorKind.COMMIT_NOT_FOUND, "snapshot "
                    + SnapshotId.of(branch, version) + " does not exist", missing);
        }
        GraphSnapshot snapshot = ManifestFold.snapshot(branch, version, rows);
        return new OpenGraph(root, contract, GraphTables.layouts(contract.ir()), snapshot);
    }

    private void checkManifestStamp(GraphRoot root, String branch, long version) {
        String stamp = tables.schema(TableRef.at(root.manifestLocation(), branch, version)).metadata()
                .get(ManifestTable.INTERNAL_SCHEMA_VERSION_KEY);
        if (stamp == null) {
            throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "the graph manifest at " + root.uri()
                    + " has no internal schema version (interrupted init or damage)");
        }
        int found = Integer.parseInt(stamp);
        int current = Integer.parseInt(ManifestTable.INTERNAL_SCHEMA_VERSION);
        if (found < current) {
            throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "the graph at " + root.uri() + " uses storage version "
                    + found + "; rebuild it via export and import (omnigraph export, init, load)");
        }
        if (found > current) {
            throw new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT, "the graph at " + root.uri() + " uses storage version "
                    + found + ", newer than this omnigraph supports (" + current + "); upgrade omnigraph");
        }
    }

    long latestManifestVersion(GraphRoot root, String branch) {
        try {
            return tables.latestVersion(root.manifestLocation(), branch);
        } catch (TableNotFoundException missing) {
            if (!TableRef.MAIN.equals(branch) && tables.exists(root.manifestLocation())) {
                throw new GraphEngineException(GraphErrorKind.BRANCH_NOT_FOUND, "branch '" + branch + "' does not exist", missing);
            }
            throw new GraphEngineException(GraphErrorKind.GRAPH_NOT_FOUND, "no graph at " + root.uri(), missing);
        }
    }

    // ---- load --------------------------------------------------------------------------------

    /**
     * Loads are replayable: when another writer moves the branch between staging and the first effect, the
     * load is staged again on the new head (so a strict append then meets the winner's keys and fails with
     * {@code key_conflict}, and a merge applies on top of the winner).
     */
    @Override
    public LoadGraphResult loadGraph(LoadGraphCommand command, ProgressListener progress) {
        GraphRoot root = root(command.graphUri());
        return underWriterGate(root, () -> StaleWriteException.replaying(true, replayable -> {
            latestManifestVersion(root, command.branch());
            writes.heal(root);
            OpenGraph graph = openAt(root, command.branch(), latestManifestVersion(root, command.branch()));
            GraphLoader.Staged staged = loader.stage(graph, command, progress);
            if (staged.isEmpty()) {
                return new LoadGraphResult(command.branch(), staged.nodeCounts(), staged.edgeCounts(), Optional.empty(),
                        graph.snapshot().snapshotId());
            }
            GraphCommit commit = writes.commit(root, graph, WriterKind.LOAD, command.actor(), Optional.empty(), replayable,
                    loader.tableWrites(graph, staged, command.mode()), progress);
            progress.onProgress("publishing", 1, 1);
            return new LoadGraphResult(command.branch(), staged.nodeCounts(), staged.edgeCounts(), Optional.of(commit.id()),
                    SnapshotId.of(command.branch(), commit.manifestVersion()).toString());
        }));
    }

    /** The head commit a branch shows now (its latest manifest version), read afresh. */
    Optional<String> currentHead(GraphRoot root, String branch) {
        return publisher.currentHead(root, branch);
    }

    /** Publishes with an id and time fixed before any effect (a sidecar-owned write, or its recovery). */
    GraphCommit publishAs(GraphRoot root, String branch, List<ManifestEntry> tableRows, String commitId,
                          Optional<String> actor, long createdAtMicros, Optional<String> expectedHead) {
        return publisher.publish(root, new ManifestPublisher.Intent(branch, tableRows, commitId, actor, createdAtMicros,
                expectedHead));
    }

    IdSource ids() {
        return ids;
    }

    Clock clock() {
        return clock;
    }

    JsonDecoder json() {
        return json;
    }

    GraphCommit publish(GraphRoot root, String branch, List<ManifestEntry> tableRows, Optional<String> actor,
                        Optional<String> expectedHead) {
        return publishAs(root, branch, tableRows, ids.newUlid(), actor, micros(clock.now()), expectedHead);
    }

    // ---- export ------------------------------------------------------------------------------

    @Override
    public ExportGraphResult exportGraph(ExportGraphCommand command, LineSink sink) {
        ExportRootExclusion.Held share;
        try {
            share = ExportRootExclusion.enterExport(command.graphUri());
        } catch (ExportRootExclusion.RootBusyException deleting) {
            throw new GraphEngineException(GraphErrorKind.CONFLICT, "cannot export: " + deleting.getMessage(), deleting);
        }
        try (share) {
            OpenGraph graph = command.snapshotId().isPresent()
                    ? openSnapshot(command.graphUri(), parseSnapshot(command.snapshotId().get()))
                    : open(command.graphUri(), command.branch());
            return readingSnapshot(graph, () -> exporter.export(graph, command.typeNames(), sink));
        }
    }

    /**
     * One entity as it was at a manifest version of a branch (engine notes §1.6 {@code entity_at}), in
     * the export record shape; empty when that snapshot has no entity with the id.
     *
     * @param tableKey {@code node:<Type>} or {@code edge:<Type>}
     * @throws GraphEngineException {@code COMMIT_NOT_FOUND} when the version does not exist or was reclaimed
     */
    public Optional<JsonObject> entityAt(String graphUri, String branch, String tableKey, String id, long manifestVersion) {
        OpenGraph graph = openSnapshot(graphUri, SnapshotId.of(branch, manifestVersion));
        return readingSnapshot(graph, () -> exporter.entity(graph, tableKey, id));
    }

    // ---- describe ----------------------------------------------------------------------------

    @Override
    public SnapshotResult snapshot(SnapshotQuery query) {
        OpenGraph graph = open(query.graphUri(), query.branch());
        GraphSnapshot snapshot = graph.snapshot();
        List<SnapshotResult.Table> visible = new ArrayList<>();
        for (TableLayout layout : graph.layouts()) {
            snapshot.table(layout.tableKey()).ifPresent(t ->
                    visible.add(new SnapshotResult.Table(t.tableKey(), t.version().version(), t.version().rowCount())));
        }
        return new SnapshotResult(snapshot.branch(), snapshot.snapshotId(), snapshot.manifestVersion(),
                snapshot.head().map(GraphCommit::id), visible);
    }

    @Override
    public CommitListResult listCommits(CommitListQuery query) {
        GraphRoot root = root(query.graphUri());
        long version = latestManifestVersion(root, query.branch());
        List<ManifestEntry> rows = manifest.read(TableRef.at(root.manifestLocation(), query.branch(), version));
        GraphSnapshot snapshot = ManifestFold.snapshot(query.branch(), version, rows);
        List<CommitResult> commits = snapshot.head()
                .map(head -> ManifestFold.history(head.id(), rows).stream().map(GraphEngineService::describe).toList())
                .orElse(List.of());
        return new CommitListResult(query.branch(), commits);
    }

    @Override
    public CommitResult showCommit(CommitQuery query) {
        return listCommits(new CommitListQuery(query.graphUri(), query.branch())).commits().stream()
                .filter(c -> c.graphCommitId().equals(query.commitId()))
                .findFirst()
                .orElseThrow(() -> new GraphEngineException(GraphErrorKind.COMMIT_NOT_FOUND,
                        "no commit " + query.commitId() + " in the history of branch '" + query.branch() + "'"));
    }

    private static CommitResult describe(GraphCommit commit) {
        return new CommitResult(commit.id(), commit.branch(), commit.manifestVersion(), commit.parentId(),
                commit.mergedParentId(), commit.actorId(), commit.createdAtMicros());
    }

    // ---- recovery ----------------------------------------------------------------------------

    /**
     * Resolves every interrupted write of a graph (the full sweep of opening it for writes) and returns
     * how many were resolved. Writes do this themselves first; this is for operators and tests.
     */
    public int recoverGraph(String graphUri) {
        GraphRoot root = root(graphUri);
        return underWriterGate(root, () -> recovery.sweep(root, SweepMode.FULL).size());
    }

    /** The operation ids of writes pending recovery, oldest first. */
    public List<String> pendingRecoveries(String graphUri) {
        return recovery.pending(root(graphUri)).stream().map(RecoverySidecar::operationId).toList();
    }

    /** The graph's recovery audit trail, oldest first. */
    public List<RecoveryAuditRecord> recoveryAudit(String graphUri) {
        return recovery.auditTrail(root(graphUri));
    }

    RecoverableWrites writes() {
        return writes;
    }

    RecoveryService recovery() {
        return recovery;
    }

    // ---- helpers -----------------------------------------------------------------------------

    TableStorage tables() {
        return tables;
    }

    GraphLoader loader() {
        return loader;
    }

    ManifestTable manifest() {
        return manifest;
    }


    /** The root of a graph location. */
    public GraphRoot root(String graphUri) {
        ObjectStore files;
        try {
            files = stores.locate(graphUri);
        } catch (IllegalArgumentException unsupported) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, unsupported.getMessage(), unsupported);
        }
        return new GraphRoot(graphUri, files);
    }

    public static SnapshotId parseSnapshot(String text) {
        try {
            return SnapshotId.parse(text);
        } catch (IllegalArgumentException malformed) {
            throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, malformed.getMessage(), malformed);
        }
    }

    <T> T underWriterGate(GraphRoot root, Supplier<T> work) {
        ReentrantLock gate = writerGates.computeIfAbsent(root.uri(), uri -> new ReentrantLock());
        gate.lock();
        try {
            return work.get();
        } catch (TableStorageException storageFailure) {
            throw new GraphEngineException(GraphErrorKind.STORAGE, "storage failed: " + storageFailure.getMessage(), storageFailure);
        } finally {
            gate.unlock();
        }
    }

    /**
     * Runs a read of an opened snapshot, reporting a table version that cleanup reclaimed as
     * {@code historical_version_reclaimed} (cleanup keeps every version a remaining snapshot reads, so this
     * only meets snapshots opened before a cleanup, or a cleanup interrupted between its steps).
     */
    static <T> T readingSnapshot(OpenGraph graph, Supplier<T> read) {
        try {
            return read.get();
        } catch (TableVersionNotFoundException reclaimed) {
            throw new GraphEngineException(GraphErrorKind.HISTORICAL_VERSION_RECLAIMED, "snapshot "
                    + graph.snapshot().snapshotId() + " reads a table version that cleanup reclaimed ("
                    + reclaimed.getMessage() + ")", reclaimed);
        }
    }

    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }
}
