package dev.omnigraph.application.engine;

import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.domain.graph.GraphCommit;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.CommitRecord;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.ManifestEntry.TableRegistration;
import dev.omnigraph.domain.graph.ManifestEntry.TableTombstone;
import dev.omnigraph.domain.graph.ManifestFold;
import dev.omnigraph.domain.graph.recovery.ManifestObservation;
import dev.omnigraph.domain.graph.recovery.RecoveryAuditRecord;
import dev.omnigraph.domain.graph.recovery.RecoverySidecar;
import dev.omnigraph.domain.graph.recovery.SidecarDecodeException;
import dev.omnigraph.domain.graph.recovery.SidecarTablePin;
import dev.omnigraph.domain.graph.recovery.SidecarTableRegistration;
import dev.omnigraph.domain.graph.recovery.SidecarTombstone;
import dev.omnigraph.domain.graph.recovery.SweepClassifier;
import dev.omnigraph.domain.graph.recovery.SweepDecision;
import dev.omnigraph.domain.graph.recovery.SweepMode;
import dev.omnigraph.domain.graph.recovery.TableObservation;
import dev.omnigraph.domain.graph.recovery.WriterKind;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.out.MalformedJsonException;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectNotFoundException;
import dev.omnigraph.ports.out.ObjectStoreException;
import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableNotFoundException;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableSchema;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine recovery (engine notes §8.1–8.2): the sidecars under {@code __recovery/} that every write arms
 * before its first durable effect, and the sweep that resolves the ones a crash left behind, exactly as
 * {@link SweepClassifier} decides: publish what fully landed under the writer's own commit id and actor,
 * restore and publish what half landed, drop what never started, and stop loudly on anything that
 * contradicts the invariants. Every resolution is recorded in the audit table
 * {@code _graph_commit_recoveries.lance} at the graph root.
 *
 * <p>Callers hold the root's writer gate.
 */
final class RecoveryService {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryService.class);

    private final GraphEngineService engine;

    RecoveryService(GraphEngineService engine) {
        this.engine = engine;
    }

    // ---- sidecar files ------------------------------------------------------------------------

    /** Phase A: creates the sidecar; an existing file with its id is a bug, not a retry. */
    void arm(GraphRoot root, RecoverySidecar sidecar) {
        Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_WRITE);
        root.files().putIfAbsent(ObjectKey.of(sidecar.relativePath()), bytes(sidecar));
    }

    /** Rewrites a sidecar (effects confirmed, or a roll-back plan recorded). */
    void rewrite(GraphRoot root, RecoverySidecar sidecar) {
        root.files().put(ObjectKey.of(sidecar.relativePath()), bytes(sidecar));
    }

    /** Phase D: deletes the sidecar; a failure is logged and the stale sidecar is consumed by a later sweep. */
    void retire(GraphRoot root, RecoverySidecar sidecar) {
        try {
            Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_DELETE);
            root.files().delete(ObjectKey.of(sidecar.relativePath()));
        } catch (ObjectStoreException | IllegalStateException failed) {
            LOG.warn("could not delete recovery sidecar {} of {} ({}); the next sweep will consume it",
                    sidecar.relativePath(), root.uri(), failed.getMessage());
        }
    }

    private static byte[] bytes(RecoverySidecar sidecar) {
        return JsonWriter.compact(sidecar.encode()).getBytes(StandardCharsets.UTF_8);
    }

    /** The pending sidecars, oldest first; a sidecar that cannot be read fails loudly. */
    List<RecoverySidecar> pending(GraphRoot root) {
        return pending(root, false);
    }

    /**
     * The pending sidecars, oldest first.
     *
     * @param skipUnreadable leave out a sidecar that cannot be decoded instead of failing (for readers, which such a
     *     sidecar does not concern: it blocks every writer and maintenance operation until an operator inspects it)
     */
    List<RecoverySidecar> pending(GraphRoot root, boolean skipUnreadable) {
        Failpoints.maybeFail(FailpointNames.RECOVERY_SIDECAR_LIST);
        List<RecoverySidecar> sidecars = new ArrayList<>();
        List<ObjectKey> listed = root.files().list(RecoverySidecar.RECOVERY_DIRECTORY + "/");
        if (!listed.isEmpty()) {
            // a sidecar listed here may be resolved (deleted) by another process before it is read
            Failpoints.maybeFail(FailpointNames.RECOVERY_POST_SIDECAR_LIST_PRE_READ);
        }
        for (ObjectKey key : listed) {
            if (!key.value().endsWith(".json")) {
                continue;
            }
            byte[] content;
            try {
                content = root.files().get(key).bytes();
            } catch (ObjectNotFoundException vanished) {
                continue; // resolved by another handle between list and read
            }
            try {
                sidecars.add(RecoverySidecar.decode(engine.json().decode(key.value(),
                        new String(content, StandardCharsets.UTF_8))));
            } catch (MalformedJsonException | SidecarDecodeException unreadable) {
                if (skipUnreadable) {
                    LOG.debug("recovery sidecar {} of {} cannot be read; a reader skips it", key.value(), root.uri());
                    continue;
                }
                throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "recovery sidecar " + key.value() + " of "
                        + root.uri() + " cannot be read (" + unreadable.getMessage() + "); inspect it before writing again",
                        unreadable);
            }
        }
        sidecars.sort((a, b) -> a.operationId().compareTo(b.operationId()));
        return sidecars;
    }

    /**
     * Refuses a maintenance operation while any sidecar is pending (engine notes §8.3): a pending sidecar
     * belongs to recovery, and compacting, adopting or reclaiming versions under it could publish a partial
     * write or delete the history recovery needs. The message is the reference's.
     *
     * @param operation {@code optimize}, {@code repair} or {@code cleanup}
     * @param purpose how the reference ends the sentence for that operation ({@code optimizing}, …)
     */
    void requireNonePending(GraphRoot root, String operation, String purpose) {
        if (!pending(root).isEmpty()) {
            throw new GraphEngineException(GraphErrorKind.CONFLICT, operation + " requires a clean recovery state; "
                    + "reopen the graph to run the recovery sweep before " + purpose);
        }
    }

    // ---- the sweep ------------------------------------------------------------------------------

    /**
     * Resolves every pending sidecar. {@link SweepMode#FULL} (opening for writes) may roll back;
     * {@link SweepMode#ROLL_FORWARD_ONLY} (heal-first inside a live process) only completes what fully
     * landed and refuses the write when anything else is pending.
     */
    List<SweepDecision> sweep(GraphRoot root, SweepMode mode) {
        List<SweepDecision> decisions = new ArrayList<>();
        for (RecoverySidecar sidecar : pending(root)) {
            decisions.add(resolve(root, sidecar, mode));
        }
        return decisions;
    }

    /** Observes one sidecar's tables and manifest, classifies, and carries the decision out. */
    SweepDecision resolve(GraphRoot root, RecoverySidecar sidecar, SweepMode mode) {
        String branch = sidecar.branch().orElse(TableRef.MAIN);
        ManifestObservation manifest = observeManifest(root, branch, sidecar);
        Map<String, TableObservation> tables = new LinkedHashMap<>();
        for (SidecarTablePin pin : sidecar.tables()) {
            tables.put(pin.tableKey(), observeTable(root, pin));
        }
        SweepDecision decision = SweepClassifier.classify(sidecar, manifest, tables, mode);
        LOG.info("recovery of {} ({} {}): {}", root.uri(), sidecar.writerKind().jsonName(), sidecar.operationId(), decision);
        if (decision instanceof SweepDecision.RecoveryRequired required) {
            throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "an interrupted write ("
                    + sidecar.operationId() + ") must be recovered first: " + required.reason()
                    + "; reopen the graph for writing (any CLI write, or `omnigraph repair`)");
        }
        if (decision instanceof SweepDecision.Abort abort) {
            throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "recovery of " + sidecar.operationId()
                    + " stopped: " + abort.reason() + "; the sidecar " + sidecar.relativePath() + " is kept for inspection");
        }
        if (decision instanceof SweepDecision.RollForward forward) {
            Failpoints.maybeFail(FailpointNames.RECOVERY_BEFORE_ROLL_FORWARD_PUBLISH);
            List<ManifestEntry> rows = new ArrayList<>();
            for (SweepDecision.TablePublish table : forward.tables()) {
                rows.add(published(root, table.pin(), table.toVersion(), aliasAfter(sidecar, table.pin())));
            }
            rows.addAll(schemaChangeRows(root, branch, sidecar));
            engine.publishAs(root, branch, rows, sidecar.graphCommitId(), sidecar.actorId(), sidecar.startedAtMicros(),
                    Optional.empty());
            finishSchemaApply(root, sidecar);
            audit(root, sidecar, decision, sidecar.graphCommitId());
        } else if (decision instanceof SweepDecision.RollBack back) {
            RecoverySidecar planned = sidecar.withRollbackAuditOutcomes(back.auditOutcomes());
            rewrite(root, planned);
            List<ManifestEntry> rows = new ArrayList<>();
            for (SweepDecision.TableRestore restore : back.restores()) {
                String location = root.tableLocation(restore.pin().tablePath());
                String tableBranch = restore.pin().tableBranch().orElse(TableRef.MAIN);
                long head = engine.tables().restore(WriteTarget.unconditional(location, tableBranch), restore.restoreTo()).version();
                rows.add(published(root, restore.pin(), head, restore.pin().tableKey()));
            }
            Failpoints.maybeFail(FailpointNames.RECOVERY_POST_TABLE_RESTORE_PRE_PUBLISH);
            if (!rows.isEmpty()) {
                engine.publishAs(root, branch, rows, sidecar.rollbackGraphCommitId(),
                        Optional.of(RecoverySidecar.RECOVERY_ACTOR), micros(), Optional.empty());
            }
            Failpoints.maybeFail(FailpointNames.RECOVERY_POST_ROLLBACK_PUBLISH_PRE_AUDIT);
            undoSchemaApply(root, branch, sidecar);
            audit(root, sidecar, decision, sidecar.rollbackGraphCommitId());
        } else if (decision instanceof SweepDecision.OrphanedBranchDiscarded) {
            discardOrphan(root, sidecar, decision);
        } else if (decision.recoveryKind().isPresent()) {
            String commitId = decision instanceof SweepDecision.AlreadyRolledBack ? sidecar.rollbackGraphCommitId()
                    : sidecar.graphCommitId();
            if (decision instanceof SweepDecision.AlreadyPublished) {
                finishSchemaApply(root, sidecar);
            } else if (decision instanceof SweepDecision.AlreadyRolledBack) {
                undoSchemaApply(root, branch, sidecar);
            }
            audit(root, sidecar, decision, commitId);
        } else if (decision instanceof SweepDecision.AbandonUnapplied) {
            undoSchemaApply(root, branch, sidecar);
        }
        if (decision.deletesSidecar()) {
            retire(root, sidecar);
        }
        return decision;
    }

    /**
     * A sidecar whose branch was deleted: its effects are unreachable (cleanup reclaims the forks), so the
     * discard is recorded as a lineage-only commit on main by {@value RecoverySidecar#RECOVERY_ACTOR} and one
     * audit row. The commit reuses the sidecar's roll-back commit id, minted at arm time, so a discard
     * interrupted between the two writes finds its commit in main's lineage and only appends the audit row.
     */
    private void discardOrphan(GraphRoot root, RecoverySidecar sidecar, SweepDecision decision) {
        if (!auditRecorded(root, sidecar)) {
            if (!inLineage(root, TableRef.MAIN, sidecar.rollbackGraphCommitId())) {
                engine.publishAs(root, TableRef.MAIN, List.of(), sidecar.rollbackGraphCommitId(),
                        Optional.of(RecoverySidecar.RECOVERY_ACTOR), micros(), Optional.empty());
            }
            Failpoints.maybeFail(FailpointNames.RECOVERY_ORPHAN_DISCARD_AUDIT_APPEND);
            audit(root, sidecar, decision, sidecar.rollbackGraphCommitId());
        }
    }

    private boolean inLineage(GraphRoot root, String branch, String commitId) {
        long version = engine.tables().latestVersion(root.manifestLocation(), branch);
        for (ManifestEntry row : engine.manifest().read(TableRef.at(root.manifestLocation(), branch, version))) {
            if (row instanceof CommitRecord commit && commit.commit().id().equals(commitId)) {
                return true;
            }
        }
        return false;
    }

    // ---- schema apply: what a sidecar's registrations, tombstones and staged schema add ----------------

    /**
     * The alias a pinned table is published under: a schema apply that renames and rewrites a type pins the
     * table under its old alias (the one the manifest publishes) and registers the new one.
     */
    private static String aliasAfter(RecoverySidecar sidecar, SidecarTablePin pin) {
        return sidecar.additionalRegistrations().stream()
                .filter(registration -> registration.identity().equals(pin.identity()))
                .map(SidecarTableRegistration::tableKey)
                .findFirst()
                .orElse(pin.tableKey());
    }

    /**
     * The manifest rows a schema apply's roll-forward adds to its pinned tables: a registration of an identity
     * the branch does not publish yet is an added type (registered and published at its table's head, the
     * strict version-1 create); one it publishes is a rename (its registration gets the new alias); tombstones
     * of dropped types as recorded.
     */
    private List<ManifestEntry> schemaChangeRows(GraphRoot root, String branch, RecoverySidecar sidecar) {
        if (sidecar.additionalRegistrations().isEmpty() && sidecar.tombstones().isEmpty()) {
            return List.of();
        }
        GraphSnapshot current = branchSnapshot(root, branch);
        List<ManifestEntry> rows = new ArrayList<>();
        for (SidecarTableRegistration registration : sidecar.additionalRegistrations()) {
            rows.add(new TableRegistration(registration.identity(), registration.tableKey(), registration.tablePath()));
            if (current.tables().containsKey(registration.identity())) {
                continue;
            }
            String location = root.tableLocation(registration.tablePath());
            if (!engine.tables().exists(location)) {
                throw new GraphEngineException(GraphErrorKind.RECOVERY_REQUIRED, "recovery of " + sidecar.operationId()
                        + " cannot finish: the table it created for " + registration.tableKey() + " is missing at "
                        + location + "; the sidecar " + sidecar.relativePath() + " is kept for inspection");
            }
            long head = engine.tables().latestVersion(location, TableRef.MAIN);
            rows.add(new PublishedTableVersion(registration.identity(), registration.tableKey(), head, Optional.empty(),
                    engine.tables().count(TableRef.at(location, TableRef.MAIN, head), TableFilter.ALL)));
        }
        for (SidecarTombstone tombstone : sidecar.tombstones()) {
            rows.add(new TableTombstone(tombstone.identity(), tombstone.tableKey(), tombstone.tombstoneVersion()));
        }
        return rows;
    }

    /**
     * A published schema apply is finished by promoting its staged schema files (engine notes §8.2: publish
     * first, then promote), before its audit row is written, so an audit row always means a coherent schema.
     */
    private void finishSchemaApply(GraphRoot root, RecoverySidecar sidecar) {
        if (sidecar.writerKind() == WriterKind.SCHEMA_APPLY && sidecar.schemaTargetIrHash().isPresent()) {
            SchemaStaging.promote(root, engine.json(), sidecar.schemaTargetIrHash().get());
        }
    }

    /**
     * An undone (or never started) schema apply leaves nothing behind: the tables it created for added types,
     * which no manifest publishes, are dropped, and its staged schema files are discarded. Only a created table
     * still exactly as the apply created it (version 1, no rows) is dropped: the apply checked under the writer
     * gate that the location was free before arming, so that table is its own; anything else there is left for
     * an operator.
     */
    private void undoSchemaApply(GraphRoot root, String branch, RecoverySidecar sidecar) {
        if (sidecar.writerKind() != WriterKind.SCHEMA_APPLY) {
            return;
        }
        GraphSnapshot current = branchSnapshot(root, branch);
        for (SidecarTableRegistration registration : sidecar.additionalRegistrations()) {
            if (current.tables().containsKey(registration.identity())) {
                continue; // a rename: the table is published under its old alias and stays
            }
            String location = root.tableLocation(registration.tablePath());
            if (!engine.tables().exists(location)) {
                continue;
            }
            long head = engine.tables().latestVersion(location, TableRef.MAIN);
            if (head == 1 && engine.tables().count(TableRef.at(location, TableRef.MAIN, head), TableFilter.ALL) == 0) {
                engine.tables().drop(location);
            } else {
                LOG.warn("recovery of {} leaves {} at {}: it is not the empty version-1 table the schema apply created",
                        sidecar.operationId(), registration.tableKey(), location);
            }
        }
        sidecar.schemaTargetIrHash().ifPresent(target -> SchemaStaging.discard(root, engine.json(), target));
    }

    private GraphSnapshot branchSnapshot(GraphRoot root, String branch) {
        long version = engine.tables().latestVersion(root.manifestLocation(), branch);
        return ManifestFold.snapshot(branch, version,
                engine.manifest().read(TableRef.at(root.manifestLocation(), branch, version)));
    }

    private long micros() {
        return GraphEngineService.micros(engine.clock().now());
    }

    private ManifestEntry published(GraphRoot root, SidecarTablePin pin, long version, String alias) {
        String location = root.tableLocation(pin.tablePath());
        String tableBranch = pin.tableBranch().orElse(TableRef.MAIN);
        long rows = engine.tables().count(TableRef.at(location, tableBranch, version),
                TableFilter.ALL);
        return new PublishedTableVersion(pin.identity(), alias, version,
                TableRef.MAIN.equals(tableBranch) ? Optional.empty() : Optional.of(tableBranch), rows);
    }

    private ManifestObservation observeManifest(GraphRoot root, String branch, RecoverySidecar sidecar) {
        long version;
        try {
            version = engine.tables().latestVersion(root.manifestLocation(), branch);
        } catch (TableNotFoundException deleted) {
            return ManifestObservation.branchDeleted();
        }
        List<ManifestEntry> rows = engine.manifest().read(TableRef.at(root.manifestLocation(), branch, version));
        GraphSnapshot snapshot = ManifestFold.snapshot(branch, version, rows);
        Map<String, Long> published = new LinkedHashMap<>();
        for (VisibleTable table : snapshot.tablesInOrder()) {
            published.put(table.tableKey(), table.version().version());
        }
        ManifestObservation observation = ManifestObservation.live(version, snapshot.head().map(GraphCommit::id), published);
        for (ManifestEntry row : rows) {
            if (row instanceof CommitRecord commit) {
                if (commit.commit().id().equals(sidecar.graphCommitId())) {
                    observation = observation.withGraphCommitPublished();
                } else if (commit.commit().id().equals(sidecar.rollbackGraphCommitId())) {
                    observation = observation.withRollbackCommitPublished();
                }
            }
        }
        return observation;
    }

    private TableObservation observeTable(GraphRoot root, SidecarTablePin pin) {
        String location = root.tableLocation(pin.tablePath());
        try {
            return TableObservation.at(pin.tableKey(), engine.tables().latestVersion(location,
                    pin.tableBranch().orElse(TableRef.MAIN)));
        } catch (TableNotFoundException missing) {
            return TableObservation.absent(pin.tableKey());
        }
    }

    // ---- the audit table --------------------------------------------------------------------------

    private static final TableSchema AUDIT_SCHEMA = new TableSchema(List.of(
            ColumnSpec.required(RecoveryAuditRecord.COLUMN_GRAPH_COMMIT_ID, ColumnType.UTF8),
            ColumnSpec.required(RecoveryAuditRecord.COLUMN_RECOVERY_KIND, ColumnType.UTF8),
            ColumnSpec.nullable(RecoveryAuditRecord.COLUMN_RECOVERY_FOR_ACTOR, ColumnType.UTF8),
            ColumnSpec.required(RecoveryAuditRecord.COLUMN_OPERATION_ID, ColumnType.UTF8),
            ColumnSpec.required(RecoveryAuditRecord.COLUMN_SIDECAR_WRITER_KIND, ColumnType.UTF8),
            ColumnSpec.required(RecoveryAuditRecord.COLUMN_PER_TABLE_OUTCOMES_JSON, ColumnType.UTF8),
            ColumnSpec.required(RecoveryAuditRecord.COLUMN_CREATED_AT, ColumnType.INT64)),
            Optional.empty(), Map.of());

    /** Appends one audit row, unless a retry after a crash already recorded this operation. */
    private void audit(GraphRoot root, RecoverySidecar sidecar, SweepDecision decision, String commitId) {
        Failpoints.maybeFail(FailpointNames.RECOVERY_RECORD_AUDIT);
        RecoveryAuditRecord record = RecoveryAuditRecord.forDecision(sidecar, decision, commitId, micros());
        String location = root.tableLocation(RecoveryAuditRecord.TABLE_DIRECTORY);
        RowBatchBuilder row = new RowBatchBuilder(AUDIT_SCHEMA).addRow(record.graphCommitId(),
                record.recoveryKind().columnValue(), record.recoveryForActor().orElse(null), record.operationId(),
                record.sidecarWriterKind().jsonName(), record.perTableOutcomesJson(), record.createdAtMicros());
        TableStorage tables = engine.tables();
        if (!tables.exists(location)) {
            tables.create(location, AUDIT_SCHEMA, row.build());
            return;
        }
        if (auditRecorded(root, sidecar)) {
            return;
        }
        tables.append(WriteTarget.unconditional(location, TableRef.MAIN), row.build());
    }

    /** Whether the audit table already has a row of this operation (a retry after a crash recorded it). */
    private boolean auditRecorded(GraphRoot root, RecoverySidecar sidecar) {
        String location = root.tableLocation(RecoveryAuditRecord.TABLE_DIRECTORY);
        return engine.tables().exists(location) && engine.tables().count(TableRef.latest(location, TableRef.MAIN),
                TableFilter.eq(RecoveryAuditRecord.COLUMN_OPERATION_ID, sidecar.operationId())) > 0;
    }

    /** The audit rows of a graph, oldest first (for operators and tests). */
    List<RecoveryAuditRecord> auditTrail(GraphRoot root) {
        String location = root.tableLocation(RecoveryAuditRecord.TABLE_DIRECTORY);
        List<RecoveryAuditRecord> records = new ArrayList<>();
        if (!engine.tables().exists(location)) {
            return records;
        }
        try (ScanCursor cursor = engine.tables().scan(TableRef.latest(location, TableRef.MAIN),
                ScanRequest.everything())) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                for (int i = 0; i < batch.rowCount(); i++) {
                    records.add(RecoveryAuditRecord.fromColumns(
                            batch.column(RecoveryAuditRecord.COLUMN_GRAPH_COMMIT_ID).getString(i),
                            batch.column(RecoveryAuditRecord.COLUMN_RECOVERY_KIND).getString(i),
                            Optional.ofNullable(batch.column(RecoveryAuditRecord.COLUMN_RECOVERY_FOR_ACTOR).isNull(i) ? null
                                    : batch.column(RecoveryAuditRecord.COLUMN_RECOVERY_FOR_ACTOR).getString(i)),
                            batch.column(RecoveryAuditRecord.COLUMN_OPERATION_ID).getString(i),
                            batch.column(RecoveryAuditRecord.COLUMN_SIDECAR_WRITER_KIND).getString(i),
                            decodeCell(batch.column(RecoveryAuditRecord.COLUMN_PER_TABLE_OUTCOMES_JSON).getString(i)),
                            batch.column(RecoveryAuditRecord.COLUMN_CREATED_AT).getLong(i)));
                }
            }
        }
        records.sort((a, b) -> Long.compare(a.createdAtMicros(), b.createdAtMicros()));
        return records;
    }

    private JsonValue decodeCell(String json) {
        try {
            return engine.json().decode(RecoveryAuditRecord.TABLE_DIRECTORY, json);
        } catch (MalformedJsonException malformed) {
            throw new GraphEngineException(GraphErrorKind.STORAGE, "malformed audit row in "
                    + RecoveryAuditRecord.TABLE_DIRECTORY + ": " + malformed.getMessage(), malformed);
        }
    }
}
