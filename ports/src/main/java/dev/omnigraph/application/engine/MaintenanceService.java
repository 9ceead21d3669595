package dev.omnigraph.application.engine;

import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.application.failpoint.InjectedFailpointException;
import dev.omnigraph.domain.graph.BranchNames;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.graph.maintenance.CleanupCutoff;
import dev.omnigraph.domain.graph.maintenance.CleanupPolicy;
import dev.omnigraph.domain.graph.maintenance.DriftEvidence;
import dev.omnigraph.domain.graph.maintenance.ForkReconciliation;
import dev.omnigraph.domain.graph.maintenance.ForkReconciliation.ForkStatus;
import dev.omnigraph.domain.graph.maintenance.HeadDrift;
import dev.omnigraph.domain.graph.maintenance.OptimizeDecision;
import dev.omnigraph.domain.graph.maintenance.RepairAction;
import dev.omnigraph.domain.graph.maintenance.RepairDecisions;
import dev.omnigraph.domain.graph.maintenance.RetentionFloors;
import dev.omnigraph.domain.graph.maintenance.VersionStamp;
import dev.omnigraph.domain.graph.recovery.RecoveryAuthority;
import dev.omnigraph.domain.graph.recovery.RecoverySidecar;
import dev.omnigraph.domain.graph.recovery.SidecarTablePin;
import dev.omnigraph.domain.graph.recovery.WriterKind;
import dev.omnigraph.ports.in.CleanUpGraphCommand;
import dev.omnigraph.ports.in.CleanUpGraphResult;
import dev.omnigraph.ports.in.CleanUpGraphResult.TableCleanup;
import dev.omnigraph.ports.in.CleanUpGraphUseCase;
import dev.omnigraph.ports.in.OptimizeGraphCommand;
import dev.omnigraph.ports.in.OptimizeGraphResult;
import dev.omnigraph.ports.in.OptimizeGraphResult.TableOptimization;
import dev.omnigraph.ports.in.OptimizeGraphUseCase;
import dev.omnigraph.ports.in.RepairGraphCommand;
import dev.omnigraph.ports.in.RepairGraphResult;
import dev.omnigraph.ports.in.RepairGraphResult.TableRepair;
import dev.omnigraph.ports.in.RepairGraphUseCase;
import dev.omnigraph.ports.out.table.CleanupOutcome;
import dev.omnigraph.ports.out.table.CommitConflictException;
import dev.omnigraph.ports.out.table.CompactionOutcome;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableStorageException;
import dev.omnigraph.ports.out.table.TableVersionInfo;
import dev.omnigraph.ports.out.table.VersionOperation;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph's maintenance operations (engine notes §8.3): {@code optimize} compacts, {@code repair} adopts
 * uncovered drift, {@code cleanup} reclaims old versions. All three work on {@code main}, hold the graph's
 * writer gate throughout, first do what opening the graph for writes does
 * ({@link RecoverableWrites#sweepAsOpen}) and then refuse while any recovery sidecar is still pending: a
 * pending sidecar belongs to recovery, and maintenance under it could publish a partial write or delete the
 * history recovery needs.
 */
public final class MaintenanceService implements OptimizeGraphUseCase, CleanUpGraphUseCase, RepairGraphUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceService.class);

    /** How often compacting the graph manifest is retried when a writer in another process commits meanwhile. */
    private static final int MANIFEST_COMPACTION_ATTEMPTS = 5;

    private final GraphEngineService engine;

    public MaintenanceService(GraphEngineService engine) {
        this.engine = engine;
    }

    private TableStorage tables() {
        return engine.tables();
    }

    /** The node and edge tables of a snapshot, by table key. */
    private static List<VisibleTable> byKey(GraphSnapshot snapshot) {
        List<VisibleTable> tables = new ArrayList<>(snapshot.tablesInOrder());
        tables.sort(Comparator.comparing(VisibleTable::tableKey));
        return tables;
    }

    // ---- optimize ---------------------------------------------------------------------------------

    @Override
    public OptimizeGraphResult optimizeGraph(OptimizeGraphCommand command) {
        GraphRoot root = engine.root(command.graphUri());
        return engine.underWriterGate(root, () -> {
            engine.latestManifestVersion(root, TableRef.MAIN);
            engine.writes().sweepAsOpen(root);
            engine.recovery().requireNonePending(root, "optimize", "optimizing");
            Failpoints.maybeFail(FailpointNames.OPTIMIZE_POST_RECOVERY_CHECK_PRE_MAIN_GATE);
            OpenGraph graph = engine.openAt(root, TableRef.MAIN, engine.latestManifestVersion(root, TableRef.MAIN));
            Failpoints.maybeFail(FailpointNames.OPTIMIZE_POST_AUTHORITY_CAPTURE_PRE_GATES);
            refuseSidecarsBlockingOptimize(root);

            List<TableOptimization> stats = new ArrayList<>();
            List<VisibleTable> productive = new ArrayList<>();
            for (VisibleTable table : byKey(graph.snapshot())) {
                String location = root.tableLocation(table.location());
                long published = table.version().version();
                long head = tables().latestVersion(location, TableRef.MAIN);
                OptimizeDecision decision = OptimizeDecision.forTable(table.tableKey(), published, head,
                        head == published && tables().needsCompaction(location, TableRef.MAIN));
                if (decision instanceof OptimizeDecision.Refuse refuse) {
                    throw new GraphEngineException(GraphErrorKind.STORAGE, refuse.reason());
                } else if (decision instanceof OptimizeDecision.Skip skip) {
                    LOG.warn("optimize of {} skips {}: storage head {} is ahead of published version {} with no "
                            + "recovery sidecar; run `omnigraph repair` to classify it", root.uri(), table.tableKey(),
                            skip.head(), skip.published());
                    stats.add(TableOptimization.skipped(table.tableKey(), skip.reason(), skip.published(), skip.head()));
                } else if (decision instanceof OptimizeDecision.Compact) {
                    productive.add(table);
                } else {
                    stats.add(TableOptimization.compacted(table.tableKey(), 0, 0, false));
                }
            }
            Optional<GraphCommit> commit = productive.isEmpty() ? Optional.empty()
                    : compactAndPublish(root, graph, productive, stats);
            stats.sort(Comparator.comparing(TableOptimization::tableKey));
            stats.add(compactManifest(root));
            return new OptimizeGraphResult(root.uri(), stats, commit.map(GraphCommit::id),
                    commit.map(c -> OptionalLong.of(c.manifestVersion())).orElse(OptionalLong.empty()));
        });
    }

    /**
     * The authoritative recovery check, made after the authority was captured (the reference repeats it under
     * its branch gate): any sidecar of a writer on {@code main}, or of a schema apply, blocks optimize, whose
     * one publish advances main's head.
     */
    private void refuseSidecarsBlockingOptimize(GraphRoot root) {
        for (RecoverySidecar sidecar : engine.recovery().pending(root)) {
            if (sidecar.writerKind() == WriterKind.SCHEMA_APPLY || sidecar.branch().isEmpty()) {
                throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "pending "
                        + sidecar.writerKind().jsonName() + " recovery operation " + sidecar.operationId()
                        + " on branch '" + sidecar.branch().orElse(TableRef.MAIN) + "' blocks optimize");
            }
        }
    }

    /**
     * Phases A–D for the tables with something to compact: one Optimize sidecar (loose classification: any
     * advance past the pin may roll forward, since compaction preserves content) pinning exactly those
     * tables, their compactions, one publish of their new versions on main, and the sidecar's removal. No
     * commit when no compaction committed after all (nothing to publish).
     */
    private Optional<GraphCommit> compactAndPublish(GraphRoot root, OpenGraph graph, List<VisibleTable> productive,
                                          List<TableOptimization> stats) {
        String commitId = engine.ids().newUlid();
        long startedAt = GraphEngineService.micros(engine.clock().now());
        List<SidecarTablePin> pins = new ArrayList<>();
        for (VisibleTable table : productive) {
            long published = table.version().version();
            // a lower bound: compaction may commit more than one version
            pins.add(SidecarTablePin.planned(table.registration().identity(), table.tableKey(), table.location(), published,
                    published + 1, Optional.empty()));
        }
        RecoverySidecar armed = RecoverySidecar.arm(engine.ids().newUlid(), startedAt, Optional.empty(), Optional.empty(),
                WriterKind.OPTIMIZE, commitId, engine.ids().newUlid(), new RecoveryAuthority(
                        graph.snapshot().manifestVersion(), graph.snapshot().head().map(GraphCommit::id)), pins);
        engine.recovery().arm(root, armed);

        RecoverySidecar confirmed = armed;
        Optional<GraphCommit> commit = Optional.empty();
        try {
            List<ManifestEntry> rows = new ArrayList<>();
            Map<String, Long> heads = new LinkedHashMap<>();
            for (VisibleTable table : productive) {
                Failpoints.maybeFail(FailpointNames.OPTIMIZE_BEFORE_COMPACT);
                long published = table.version().version();
                CompactionOutcome outcome = tables().compact(WriteTarget.expecting(root.tableLocation(table.location()),
                        TableRef.MAIN, published));
                heads.put(table.tableKey(), outcome.version());
                stats.add(TableOptimization.compacted(table.tableKey(), outcome.filesRemoved(), outcome.filesAdded(),
                        outcome.committed()));
                if (outcome.committed()) {
                    // compaction keeps every row, so the published row count carries over
                    rows.add(new PublishedTableVersion(table.registration().identity(), table.tableKey(), outcome.version(),
                            Optional.empty(), table.version().rowCount()));
                }
            }
            confirmed = armed.confirmEffects(heads);
            engine.recovery().rewrite(root, confirmed);
            Failpoints.maybeFail(FailpointNames.OPTIMIZE_POST_PHASE_B_PRE_MANIFEST_COMMIT);
            if (!rows.isEmpty()) {
                commit = Optional.of(engine.publishAs(root, TableRef.MAIN, rows, commitId, Optional.empty(), startedAt,
                        Optional.empty()));
            }
        } catch (InjectedFailpointException crash) {
            throw crash;
        } catch (CommitConflictException moved) {
            GraphEngineException conflict = new GraphEngineException(GraphErrorKind.CONFLICT, "a table moved while "
                    + "optimize compacted it (a writer in another process?): " + moved.getMessage() + "; rerun optimize",
                    moved);
            if (stats.stream().noneMatch(TableOptimization::committed)) {
                // storage refused before any compaction committed: the sidecar owns no effect
                engine.recovery().retire(root, armed);
            } else {
                engine.writes().resolveAfterFailure(root, confirmed, conflict);
            }
            throw conflict;
        } catch (RuntimeException failure) {
            engine.writes().resolveAfterFailure(root, confirmed, failure);
            throw failure;
        }
        engine.recovery().retire(root, confirmed);
        commit.ifPresent(published -> LOG.info("optimize of {} compacted {} table(s) and published them as {}",
                root.uri(), productive.size(), published.id()));
        return commit;
    }

    /**
     * Compacts the graph manifest in place. The manifest is read at its latest version and compaction keeps
     * its rows, so there is nothing to publish and no sidecar to arm: a crash at any point leaves it readable
     * and equal in content, and the next optimize plans again.
     */
    private TableOptimization compactManifest(GraphRoot root) {
        String location = root.manifestLocation();
        for (int attempt = 1; ; attempt++) {
            try {
                if (!tables().needsCompaction(location, TableRef.MAIN)) {
                    return TableOptimization.compacted(OptimizeGraphResult.MANIFEST_KEY, 0, 0, false);
                }
                CompactionOutcome outcome = tables().compact(WriteTarget.unconditional(location, TableRef.MAIN));
                return TableOptimization.compacted(OptimizeGraphResult.MANIFEST_KEY, outcome.filesRemoved(),
                        outcome.filesAdded(), outcome.committed());
            } catch (CommitConflictException concurrentWriter) {
                if (attempt >= MANIFEST_COMPACTION_ATTEMPTS) {
                    throw new GraphEngineException(GraphErrorKind.CONFLICT, "compaction of the graph manifest of "
                            + root.uri() + " lost to concurrent writers " + attempt + " times; rerun optimize",
                            concurrentWriter);
                }
                LOG.debug("manifest compaction of {} lost a race (attempt {}); planning again", root.uri(), attempt);
            }
        }
    }

    // ---- repair -----------------------------------------------------------------------------------

    @Override
    public RepairGraphResult repairGraph(RepairGraphCommand command) {
        GraphRoot root = engine.root(command.graphUri());
        return engine.underWriterGate(root, () -> {
            engine.latestManifestVersion(root, TableRef.MAIN);
            engine.writes().sweepAsOpen(root);
            engine.recovery().requireNonePending(root, "repair", "repairing");
            OpenGraph graph = engine.openAt(root, TableRef.MAIN, engine.latestManifestVersion(root, TableRef.MAIN));
            List<TableRepair> repairs = new ArrayList<>();
            List<ManifestEntry> rows = new ArrayList<>();
            boolean anyForced = false;
            for (VisibleTable table : byKey(graph.snapshot())) {
                String location = root.tableLocation(table.location());
                long published = table.version().version();
                long head = tables().latestVersion(location, TableRef.MAIN);
                HeadDrift drift = HeadDrift.of(published, head);
                if (drift instanceof HeadDrift.Behind behind) {
                    throw new GraphEngineException(GraphErrorKind.STORAGE, HeadDrift.behindMessage(table.tableKey(), behind));
                }
                RepairDecisions.Judgement judgement = RepairDecisions.judge(published, head, evidence(location, published, head));
                RepairAction action = RepairDecisions.action(judgement.classification(), command.confirm(), command.force());
                if (action.publishes()) {
                    anyForced |= action == RepairAction.FORCED;
                    long rowCount = tables().count(TableRef.at(location, TableRef.MAIN, head), TableFilter.ALL);
                    rows.add(new PublishedTableVersion(table.registration().identity(), table.tableKey(), head,
                            Optional.empty(), rowCount));
                }
                repairs.add(new TableRepair(table.tableKey(), published, head, judgement.classification(), action,
                        judgement.operations(), judgement.error()));
            }
            if (rows.isEmpty()) {
                return new RepairGraphResult(root.uri(), command.confirm(), command.force(), repairs, Optional.empty(),
                        OptionalLong.empty());
            }
            GraphCommit commit;
            try {
                // repair decided on this head; a publish on another head would adopt drift nobody judged
                commit = engine.publish(root, TableRef.MAIN, rows, Optional.of(RepairDecisions.actor(anyForced)),
                        graph.snapshot().head().map(GraphCommit::id));
            } catch (GraphEngineException moved) {
                if (moved.kind() != GraphErrorKind.PRECONDITION_FAILED) {
                    throw moved;
                }
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "main moved while repair ran ("
                        + moved.getMessage() + "); nothing was published; rerun repair", moved);
            }
            LOG.info("repair of {} published {} table head(s) as {}", root.uri(), rows.size(), commit.id());
            return new RepairGraphResult(root.uri(), command.confirm(), command.force(), repairs, Optional.of(commit.id()),
                    OptionalLong.of(commit.manifestVersion()));
        });
    }

    /**
     * What storage recorded for the versions {@code published+1 … head}, oldest first, stopping at the first
     * version without a readable record (the judgement stops there too).
     */
    private List<DriftEvidence> evidence(String location, long published, long head) {
        List<DriftEvidence> evidence = new ArrayList<>();
        for (long version = published + 1; version <= head; version++) {
            try {
                Optional<VersionOperation> operation = tables().committedOperation(TableRef.at(location, TableRef.MAIN, version));
                if (operation.isEmpty()) {
                    evidence.add(new DriftEvidence.Unreadable(version, "missing transaction record for version " + version));
                    break;
                }
                evidence.add(new DriftEvidence.Recorded(version, operation.get().name(), operation.get().preservesContent()));
            } catch (TableStorageException unreadable) {
                evidence.add(new DriftEvidence.Unreadable(version, "failed to read the transaction of version " + version
                        + ": " + unreadable.getMessage()));
                break;
            }
        }
        return evidence;
    }

    // ---- cleanup ----------------------------------------------------------------------------------

    /**
     * Cleanup, in an order that keeps "a snapshot is fully readable or reported reclaimed" true at every
     * step: refuse on pending recovery or uncovered drift; read every live branch (failing closed if one
     * cannot be read); reclaim orphaned table forks; cut the manifest's history; derive each table's floor
     * from the manifest versions that actually remain; cut each table's history above nothing a remaining
     * snapshot or live branch reads. A crash between steps leaves only a graph that keeps more than it must.
     */
    @Override
    public CleanUpGraphResult cleanUpGraph(CleanUpGraphCommand command) {
        GraphRoot root = engine.root(command.graphUri());
        if (!tables().capabilities().contains(TableStorage.Capability.CLEANUP)) {
            throw new GraphEngineException(GraphErrorKind.NOT_SUPPORTED, "this table storage cannot reclaim old versions");
        }
        return engine.underWriterGate(root, () -> {
            engine.latestManifestVersion(root, TableRef.MAIN);
            engine.writes().sweepAsOpen(root);
            engine.recovery().requireNonePending(root, "cleanup", "garbage-collecting versions");
            Failpoints.maybeFail(FailpointNames.CLEANUP_POST_RECOVERY_CHECK_PRE_GATES);
            long authority = engine.latestManifestVersion(root, TableRef.MAIN);
            OpenGraph main = engine.openAt(root, TableRef.MAIN, authority);
            if (!engine.recovery().pending(root).isEmpty()) {
                // checked again once main's snapshot is captured: a sidecar explains drift the next check would see
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "cleanup observed a recovery sidecar after "
                        + "acquiring its GC gates; reopen the graph read-write to recover before garbage-collecting versions");
            }
            Map<String, GraphSnapshot> branches = liveBranchSnapshots(root);
            refuseUncoveredDrift(root, main);
            if (engine.latestManifestVersion(root, TableRef.MAIN) != authority) {
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "main moved while cleanup prepared; nothing "
                        + "was reclaimed; rerun cleanup");
            }

            List<String> reclaimedForks = reclaimOrphanForks(root, main.snapshot(), branches);
            Instant now = engine.clock().now();
            List<TableCleanup> results = new ArrayList<>();
            results.add(reclaim(OptimizeGraphResult.MANIFEST_KEY, root.manifestLocation(), command.policy(), now,
                    OptionalLong.empty()));

            long oldestKept = tables().versions(root.manifestLocation(), TableRef.MAIN).get(0).version();
            OpenGraph oldest = engine.openAt(root, TableRef.MAIN, oldestKept);
            List<ManifestEntry> latestRows = engine.manifest().read(TableRef.at(root.manifestLocation(), TableRef.MAIN,
                    authority));
            Map<TableIdentity, Long> floors = RetentionFloors.of(oldest.snapshot(), latestRows,
                    List.copyOf(branches.values()));
            Map<String, VisibleTable> reclaimable = new TreeMap<>();
            for (VisibleTable table : oldest.snapshot().tablesInOrder()) {
                reclaimable.put(table.tableKey() + "\u0000" + table.location(), table);
            }
            for (VisibleTable table : main.snapshot().tablesInOrder()) {
                reclaimable.put(table.tableKey() + "\u0000" + table.location(), table);
            }
            for (VisibleTable table : reclaimable.values()) {
                Long floor = floors.get(table.registration().identity());
                results.add(reclaim(table.tableKey(), root.tableLocation(table.location()), command.policy(), now,
                        floor == null ? OptionalLong.empty() : OptionalLong.of(floor)));
            }
            CleanUpGraphResult result = new CleanUpGraphResult(root.uri(), results, reclaimedForks);
            LOG.info("cleanup of {} ({}) removed {} version(s), {} bytes; {} table(s) failed", root.uri(),
                    command.policy().describe(), result.versionsRemoved(), result.bytesRemoved(), result.failed().size());
            return result;
        });
    }

    /** The current snapshot of every live branch but main; a branch that cannot be read refuses cleanup. */
    private Map<String, GraphSnapshot> liveBranchSnapshots(GraphRoot root) {
        Map<String, GraphSnapshot> snapshots = new TreeMap<>();
        for (String branch : tables().branches(root.manifestLocation())) {
            if (BranchNames.isInternal(branch)) {
                continue;
            }
            try {
                Failpoints.maybeFail(FailpointNames.CLEANUP_RESOLVE_BRANCH_SNAPSHOT);
                snapshots.put(branch, engine.openAt(root, branch, engine.latestManifestVersion(root, branch)).snapshot());
            } catch (InjectedFailpointException | GraphEngineException | TableStorageException unreadable) {
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "cleanup could not classify live branch '"
                        + branch + "'; refusing version GC: " + unreadable.getMessage(), unreadable);
            }
        }
        return snapshots;
    }

    /** Every table main publishes must be at its storage head: cleanup never guesses around unexplained drift. */
    private void refuseUncoveredDrift(GraphRoot root, OpenGraph main) {
        for (VisibleTable table : byKey(main.snapshot())) {
            long published = table.version().version();
            long head = tables().latestVersion(root.tableLocation(table.location()), TableRef.MAIN);
            if (head != published) {
                throw new GraphEngineException(GraphErrorKind.CONFLICT, "cleanup found uncovered HEAD drift for "
                        + table.tableKey() + ": published dataset version " + published + ", Lance HEAD version " + head
                        + "; run `omnigraph repair` before version GC");
            }
        }
    }

    /**
     * Deletes every table fork no live branch reads ({@link ForkReconciliation}); a fork with forks of its
     * own is retried after them. Failures are logged and left for the next cleanup: an orphan only costs
     * space and pins the version it started from.
     */
    private List<String> reclaimOrphanForks(GraphRoot root, GraphSnapshot main, Map<String, GraphSnapshot> branches) {
        Set<String> live = new LinkedHashSet<>(branches.keySet());
        live.add(TableRef.MAIN);
        List<String> reclaimed = new ArrayList<>();
        for (VisibleTable table : byKey(main)) {
            String location = root.tableLocation(table.location());
            List<String> orphans = new ArrayList<>();
            try {
                for (String fork : tables().branches(location)) {
                    if (ForkReconciliation.classify(fork, table.registration().identity(), live, branches) == ForkStatus.ORPHAN) {
                        orphans.add(fork);
                    }
                }
            } catch (TableStorageException unreadable) {
                LOG.warn("cleanup could not list the forks of {} ({}); will retry next cleanup", table.tableKey(),
                        unreadable.getMessage());
                continue;
            }
            boolean progress = true;
            while (!orphans.isEmpty() && progress) {
                progress = false;
                for (String fork : List.copyOf(orphans)) {
                    try {
                        Failpoints.maybeFail(FailpointNames.CLEANUP_RECONCILE_FORK);
                        tables().deleteBranch(location, fork);
                        orphans.remove(fork);
                        reclaimed.add(table.tableKey() + "@" + fork);
                        progress = true;
                    } catch (InjectedFailpointException | TableStorageException blocked) {
                        LOG.debug("fork '{}' of {} not reclaimed in this pass ({})", fork, table.tableKey(),
                                blocked.getMessage());
                    }
                }
            }
            if (!orphans.isEmpty()) {
                LOG.warn("cleanup could not reclaim the orphaned forks {} of {}; will retry next cleanup", orphans,
                        table.tableKey());
            }
        }
        if (!reclaimed.isEmpty()) {
            LOG.info("cleanup of {} reclaimed orphaned table forks {}", root.uri(), reclaimed);
        }
        return reclaimed;
    }

    /** Cuts one table's main history; a failure is reported on its row and does not stop the others. */
    private TableCleanup reclaim(String tableKey, String location, CleanupPolicy policy, Instant now, OptionalLong floor) {
        try {
            Failpoints.maybeFail(FailpointNames.CLEANUP_TABLE_GC);
            List<VersionStamp> versions = new ArrayList<>();
            for (TableVersionInfo info : tables().versions(location, TableRef.MAIN)) {
                versions.add(new VersionStamp(info.version(), info.committedAt()));
            }
            CleanupCutoff cutoff = CleanupCutoff.of(policy, versions, now, floor);
            if (cutoff.reclaimable() == 0) {
                return new TableCleanup(tableKey, 0, 0, OptionalLong.of(cutoff.keepFromVersion()), Optional.empty());
            }
            CleanupOutcome removed = tables().cleanup(location, cutoff.keepFromVersion());
            engine.manifest().forget(location);
            return new TableCleanup(tableKey, removed.versionsRemoved(), removed.bytesRemoved(),
                    OptionalLong.of(cutoff.keepFromVersion()), Optional.empty());
        } catch (InjectedFailpointException | TableStorageException failed) {
            LOG.warn("version cleanup of {} failed; other tables unaffected: {}", tableKey, failed.getMessage());
            return new TableCleanup(tableKey, 0, 0, OptionalLong.empty(), Optional.of(failed.getMessage()));
        }
    }
}
