package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.BranchOrigin;
import dev.omnigraph.ports.out.table.CleanupOutcome;
import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.CommitConflictException;
import dev.omnigraph.ports.out.table.CompactionOutcome;
import dev.omnigraph.ports.out.table.InvalidTableRequestException;
import dev.omnigraph.ports.out.table.KeyConflictException;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableAlreadyExistsException;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableNotFoundException;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableSchema;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.TableStorageException;
import dev.omnigraph.ports.out.table.TableStorageUnavailableException;
import dev.omnigraph.ports.out.table.TableVersionInfo;
import dev.omnigraph.ports.out.table.TableVersionNotFoundException;
import dev.omnigraph.ports.out.table.VersionOperation;
import dev.omnigraph.ports.out.table.WriteOutcome;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.lance.Branch;
import org.lance.CommitBuilder;
import org.lance.Dataset;
import org.lance.Fragment;
import org.lance.FragmentMetadata;
import org.lance.ReadOptions;
import org.lance.Ref;
import org.lance.Session;
import org.lance.Transaction;
import org.lance.Version;
import org.lance.WriteParams;
import org.lance.cleanup.CleanupPolicy;
import org.lance.cleanup.RemovalStats;
import org.lance.compaction.Compaction;
import org.lance.compaction.CompactionOptions;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;
import org.lance.merge.MergeInsertParams;
import org.lance.merge.MergeInsertResult;
import org.lance.operation.Append;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TableStorage} on Lance datasets (lance-core 7, file format 2.2): the one class that writes or
 * commits a Lance version.
 *
 * <p>How the port's promises are kept:
 * <ul>
 *   <li><b>Layout.</b> Every table is created with stable row ids and data storage version 2.2 (Lance's
 *       default is 2.1), and with its primary-key column marked as Lance's unenforced primary key,
 *       which cannot be added later. Staged fragments are written in the dataset's own storage version.
 *       A branch is a Lance-native branch ({@code <table>/tree/<branch>}).</li>
 *   <li><b>Exact reads.</b> A handle opened at a version never moves, so a read (or an open cursor)
 *       is unaffected by later commits. Reads of an exact version lease a cached handle
 *       ({@link DatasetHandles}: reopening per read dominated point reads); reads of a branch's latest
 *       version open a fresh one. Handles share one Lance {@link Session} (manifest and index caches)
 *       and one Arrow allocator. Dropping a table, deleting a branch or reclaiming versions forgets
 *       the location's cached handles.</li>
 *   <li><b>Expected versions and row-level conflicts.</b> Writes to one branch of one table are
 *       serialised inside the instance, so "the latest version is the expected one" and the commit are
 *       atomic here. Each write starts from a handle opened at the branch's latest version, and
 *       upserts and inserts are merge-inserts on the primary key with {@code withConflictRetries(0)}:
 *       Lance then refuses to commit over a concurrent commit (from another process) that touched the
 *       same keys instead of silently re-running the merge against the new head, which would make the
 *       last writer win. Lance has no "fail unless HEAD is the read version" commit, so between
 *       processes disjoint commits both land.</li>
 *   <li><b>Nothing on no-ops.</b> Lance commits a version even for a delete matching nothing; the
 *       adapter counts first and skips such writes, and writes of no rows.</li>
 *   <li><b>Stale handles.</b> Lance evaluates a delete predicate against the handle's snapshot and
 *       rebases; the adapter always deletes through a handle opened at the latest version, under the
 *       write lock.</li>
 *   <li><b>Failures.</b> Lance errors are classified by {@link LanceErrors}; "not found" is resolved
 *       here into a missing table, branch or version by checking which exists.</li>
 * </ul>
 *
 * <p>Thread-safe. Every {@link Dataset}, scanner, reader and Arrow stream is closed on every path.
 */
final class LanceTableStorage implements TableStorage {

    private static final Logger LOG = LoggerFactory.getLogger(LanceTableStorage.class);

    /** Lance's newest stable data storage version; needed for blob-v2 columns. */
    static final String DATA_STORAGE_VERSION = "2.2";
    /** Keys per IN-list when looking for existing keys before a strict insert. */
    private static final int KEY_LOOKUP_CHUNK = 512;
    /** Exact-version handles kept open between reads (each holds a manifest and native state). */
    static final int HANDLE_CACHE_ENTRIES = 64;

    private final BufferAllocator allocator;
    private final Session session;
    private final Map<String, String> storageOptions;
    private final LanceStorageOptions objectStores;
    private final int scanBatchRows;
    private final ConcurrentHashMap<String, ReentrantLock> writeLocks = new ConcurrentHashMap<>();
    private final DatasetHandles handles = new DatasetHandles(HANDLE_CACHE_ENTRIES);

    LanceTableStorage(LanceProperties properties, LanceStorageOptions objectStores) {
        this.objectStores = objectStores;
        this.storageOptions = properties.storageOptions();
        this.scanBatchRows = properties.scanBatchRows();
        this.allocator = new RootAllocator(properties.allocatorLimitBytes());
        try {
            this.session = Session.builder()
                    .indexCacheSizeBytes(properties.indexCacheSizeBytes())
                    .metadataCacheSizeBytes(properties.metadataCacheSizeBytes())
                    .build();
        } catch (RuntimeException | LinkageError e) {
            allocator.close();
            throw new TableStorageUnavailableException("cannot start Lance: " + e.getMessage(), e);
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.of(Capability.BRANCHES, Capability.CLEANUP, Capability.OPERATION_HISTORY));
    }

    // ---- opening ------------------------------------------------------------------------------

    /** Lance's URI of a location: local paths absolute, {@code s3://}/{@code az://} as Lance spells them. */
    private String uri(String location) {
        return objectStores.uriOf(location);
    }

    /** The object-store options for a location: derived from the environment, explicit settings winning. */
    private Map<String, String> storageOptions(String location) {
        return objectStores.optionsFor(location, storageOptions);
    }

    /** Opens main at a version (or its latest); the caller closes the handle. */
    private Dataset openMain(String location, OptionalLong version) {
        ReadOptions.Builder options = new ReadOptions.Builder().setStorageOptions(storageOptions(location));
        version.ifPresent(options::setVersion);
        try {
            return Dataset.open().allocator(allocator).uri(uri(location)).readOptions(options.build()).session(session).build();
        } catch (Exception e) {
            if (LanceErrors.isNotFound(e)) {
                if (version.isPresent() && exists(location)) {
                    throw new TableVersionNotFoundException(location, version.getAsLong(), e);
                }
                throw new TableNotFoundException(location, TableRef.MAIN, e);
            }
            throw LanceErrors.translate(e, "open " + location);
        }
    }

    /** Opens a branch at a version (or its latest); the caller closes the handle. */
    private Dataset open(String location, String branch, OptionalLong version) {
        if (TableRef.MAIN.equals(branch)) {
            return openMain(location, version);
        }
        try (Dataset main = openMain(location, OptionalLong.empty())) {
            try {
                return main.checkout(version.isPresent() ? Ref.ofBranch(branch, version.getAsLong()) : Ref.ofBranch(branch));
            } catch (Exception e) {
                if (LanceErrors.isNotFound(e)) {
                    if (version.isPresent() && branchNames(main).contains(branch)) {
                        throw new TableVersionNotFoundException(location + " branch '" + branch + "'", version.getAsLong(), e);
                    }
                    throw new TableNotFoundException(location, branch, e);
                }
                throw LanceErrors.translate(e, "open branch '" + branch + "' of " + location);
            }
        }
    }

    private Dataset open(TableRef ref) {
        return open(ref.location(), ref.branch(), ref.version());
    }

    /**
     * A handle for reading {@code ref}: exact versions come from the handle cache (a version never
     * changes), latest-version reads open a fresh handle that the lease closes.
     */
    private DatasetHandles.Lease leaseFor(TableRef ref) {
        if (ref.version().isPresent()) {
            return handles.lease(ref.location(), ref.branch(), ref.version().getAsLong(), () -> open(ref),
                    dataset -> schemaOf(dataset, ref.location()));
        }
        Dataset dataset = open(ref);
        return new DatasetHandles.Lease() {
            private TableSchema schema;

            @Override
            public Dataset dataset() {
                return dataset;
            }

            @Override
            public TableSchema schema() {
                if (schema == null) {
                    schema = schemaOf(dataset, ref.location());
                }
                return schema;
            }

            @Override
            public long rowCount() {
                return dataset.countRows();
            }

            @Override
            public void close() {
                dataset.close();
            }
        };
    }

    /** Runs a read against one leased handle; every failure leaves as a typed exception. */
    private <T> T read(TableRef ref, String operation, DatasetFunction<T> body) {
        try (DatasetHandles.Lease lease = leaseFor(ref)) {
            return body.apply(lease.dataset());
        } catch (Exception e) {
            throw LanceErrors.translate(e, operation + " " + describe(ref));
        }
    }

    private interface DatasetFunction<T> {
        T apply(Dataset dataset) throws Exception;
    }

    private static String describe(TableRef ref) {
        return ref.location() + (TableRef.MAIN.equals(ref.branch()) ? "" : " branch '" + ref.branch() + "'")
                + (ref.version().isPresent() ? " at version " + ref.version().getAsLong() : "");
    }

    private static String describe(WriteTarget target) {
        return target.location() + (TableRef.MAIN.equals(target.branch()) ? "" : " branch '" + target.branch() + "'");
    }

    private static TableSchema schemaOf(Dataset dataset, String location) {
        return ArrowSchemas.fromArrow(dataset.getSchema(), location);
    }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    public boolean exists(String location) {
        try {
            openMain(location, OptionalLong.empty()).close();
            return true;
        } catch (TableNotFoundException e) {
            return false;
        }
    }

    @Override
    public TableSchema schema(TableRef ref) {
        return read(ref, "read the schema of", dataset -> schemaOf(dataset, ref.location()));
    }

    @Override
    public long latestVersion(String location, String branch) {
        return read(TableRef.latest(location, branch), "read the latest version of", Dataset::version);
    }

    @Override
    public List<TableVersionInfo> versions(String location, String branch) {
        return read(TableRef.latest(location, branch), "list the versions of", dataset -> {
            List<TableVersionInfo> versions = new ArrayList<>();
            for (Version version : dataset.listVersions()) {
                String rows = version.getMetadata().get("total_rows");
                versions.add(new TableVersionInfo(version.getId(), version.getDataTime().toInstant(),
                        rows == null ? -1 : Long.parseLong(rows)));
            }
            versions.sort((a, b) -> Long.compare(a.version(), b.version()));
            return List.copyOf(versions);
        });
    }

    @Override
    public ScanCursor scan(TableRef ref, ScanRequest request) {
        DatasetHandles.Lease lease = leaseFor(ref);
        LanceScanner scanner = null;
        try {
            TableSchema schema = lease.schema();
            TableSchema projected = project(schema, request.columns(), ref.location());
            ScanOptions.Builder options = new ScanOptions.Builder().columns(projected.columnNames()).batchSize(scanBatchRows);
            LanceFilterRenderer.render(request.filter(), schema).ifPresent(options::filter);
            request.limit().ifPresent(options::limit);
            scanner = lease.dataset().newScan(options.build());
            ArrowReader reader = scanner.scanBatches();
            LanceScanner opened = scanner;
            return new LanceScanCursor(reader, projected, allocator, describe(ref), opened::close, lease::close);
        } catch (Exception e) {
            LanceScanCursor.Closer closer = new LanceScanCursor.Closer();
            if (scanner != null) {
                closer.run(scanner::close);
            }
            closer.run(lease::close);
            throw LanceErrors.translate(e, "scan " + describe(ref));
        }
    }

    @Override
    public ScanCursor take(TableRef ref, long[] positions, Optional<List<String>> columns) {
        DatasetHandles.Lease lease = leaseFor(ref);
        try {
            TableSchema projected = project(lease.schema(), columns, ref.location());
            if (positions.length == 0) {
                lease.close();
                return LanceScanCursor.empty();
            }
            long rowCount = lease.rowCount();
            List<Long> indices = new ArrayList<>(positions.length);
            for (long position : positions) {
                if (position < 0 || position >= rowCount) {
                    throw new InvalidTableRequestException("cannot take row position " + position + " of " + describe(ref)
                            + ": it has " + rowCount + " rows", null);
                }
                indices.add(position);
            }
            ArrowReader reader = lease.dataset().take(indices, projected.columnNames());
            return new LanceScanCursor(reader, projected, allocator, describe(ref), () -> { }, lease::close);
        } catch (Exception e) {
            LanceScanCursor.Closer closer = new LanceScanCursor.Closer();
            closer.run(lease::close);
            throw LanceErrors.translate(e, "take rows of " + describe(ref));
        }
    }

    private static TableSchema project(TableSchema schema, Optional<List<String>> columns, String location) {
        if (columns.isEmpty()) {
            return schema;
        }
        for (String column : columns.get()) {
            if (schema.indexOf(column) < 0) {
                throw new InvalidTableRequestException("cannot read column '" + column + "': " + location + " has "
                        + schema.columnNames(), null);
            }
        }
        return schema.project(columns.get());
    }

    @Override
    public long count(TableRef ref, TableFilter filter) {
        return read(ref, "count the rows of", dataset -> countRows(dataset, filter, ref.location()));
    }

    private static long countRows(Dataset dataset, TableFilter filter, String location) {
        Optional<String> sql = LanceFilterRenderer.render(filter, schemaOf(dataset, location));
        return sql.isPresent() ? dataset.countRows(sql.get()) : dataset.countRows();
    }

    // ---- create ---------------------------------------------------------------------------------

    @Override
    public WriteOutcome create(String location, TableSchema schema, ColumnarBatch rows) {
        ArrowBatches.checkFits(schema, rows, location);
        Schema arrowSchema = ArrowSchemas.toArrow(schema);
        ReentrantLock lock = lockFor(location, TableRef.MAIN);
        lock.lock();
        try (ArrowReader reader = ArrowBatches.readerOf(ArrowBatches.toRoot(schema, arrowSchema, rows, allocator), allocator);
             Dataset created = Dataset.write()
                     .allocator(allocator)
                     .reader(reader)
                     .uri(uri(location))
                     .mode(WriteParams.WriteMode.CREATE)
                     .enableStableRowIds(true)
                     .dataStorageVersion(DATA_STORAGE_VERSION)
                     .storageOptions(storageOptions(location))
                     .session(session)
                     .execute()) {
            LOG.debug("created {} at version {} with {} rows", location, created.version(), rows.rowCount());
            return new WriteOutcome(created.version(), rows.rowCount(), 0, 0);
        } catch (TableStorageException e) {
            throw e;
        } catch (Exception e) {
            if (LanceErrors.isAlreadyExists(e) || LanceErrors.isConflict(e)) {
                throw new TableAlreadyExistsException("a table at " + location, e);
            }
            throw LanceErrors.translate(e, "create " + location);
        } finally {
            lock.unlock();
        }
    }

    // ---- writes ---------------------------------------------------------------------------------

    private ReentrantLock lockFor(String location, String branch) {
        return writeLocks.computeIfAbsent(uri(location) + '\u0000' + branch, key -> new ReentrantLock());
    }

    /** Work against the branch's latest version, made under the branch's write lock. */
    private interface HeadBody<T> {
        T apply(Dataset head) throws Exception;
    }

    /**
     * Runs {@code body} on a handle at the branch's latest version while holding the branch's write lock,
     * after checking the target's expected version; every failure leaves as a typed exception.
     */
    private <T> T underWriteLock(WriteTarget target, String operation, HeadBody<T> body) {
        ReentrantLock lock = lockFor(target.location(), target.branch());
        lock.lock();
        try (Dataset head = open(target.location(), target.branch(), OptionalLong.empty())) {
            long latest = head.version();
            if (target.expectedVersion().isPresent() && target.expectedVersion().getAsLong() != latest) {
                throw new CommitConflictException(operation + " " + describe(target) + ": expected version "
                        + target.expectedVersion().getAsLong() + " but the latest is " + latest, null);
            }
            return body.apply(head);
        } catch (Exception e) {
            throw LanceErrors.translate(e, operation + " " + describe(target));
        } finally {
            lock.unlock();
        }
    }

    /** A write of rows: {@link #underWriteLock} plus a debug line with the counts. */
    private WriteOutcome write(WriteTarget target, String operation, HeadBody<WriteOutcome> body) {
        return underWriteLock(target, operation, head -> {
            long latest = head.version();
            WriteOutcome outcome = body.apply(head);
            LOG.debug("{} {}: version {} -> {} (+{} ~{} -{})", operation, describe(target), latest, outcome.version(),
                    outcome.inserted(), outcome.updated(), outcome.deleted());
            return outcome;
        });
    }

    private static WriteOutcome nothingWritten(Dataset head) {
        return new WriteOutcome(head.version(), 0, 0, 0);
    }

    @Override
    public WriteOutcome append(WriteTarget target, ColumnarBatch rows) {
        return write(target, "append to", head -> {
            TableSchema schema = schemaOf(head, target.location());
            ArrowBatches.checkFits(schema, rows, target.location());
            if (rows.rowCount() == 0) {
                return nothingWritten(head);
            }
            List<FragmentMetadata> fragments;
            try (ArrowArrayStream stream = stream(schema, head.getSchema(), rows)) {
                fragments = Fragment.write()
                        .datasetUri(head.uri())
                        .allocator(allocator)
                        .data(stream)
                        .enableStableRowIds(true)
                        .dataStorageVersion(head.getLanceFileFormatVersion())
                        .storageOptions(storageOptions(target.location()))
                        .execute();
            }
            try (Transaction transaction = new Transaction.Builder()
                    .readVersion(head.version())
                    .operation(Append.builder().fragments(fragments).build())
                    .build();
                 Dataset committed = new CommitBuilder(head).execute(transaction)) {
                return new WriteOutcome(committed.version(), rows.rowCount(), 0, 0);
            }
        });
    }

    @Override
    public WriteOutcome overwrite(WriteTarget target, ColumnarBatch rows) {
        return write(target, "overwrite", head -> {
            TableSchema current = schemaOf(head, target.location());
            TableSchema given = rows.schema();
            if (!given.primaryKey().equals(current.primaryKey())) {
                throw new InvalidTableRequestException("the primary key of " + describe(target) + " is "
                        + current.primaryKey().orElse("(none)") + " and cannot change to " + given.primaryKey().orElse("(none)"), null);
            }
            ArrowBatches.checkFits(given, rows, target.location());
            Schema arrowSchema = given.equals(current) ? head.getSchema() : ArrowSchemas.toArrow(given);
            try (ArrowReader reader = ArrowBatches.readerOf(ArrowBatches.toRoot(given, arrowSchema, rows, allocator), allocator);
                 Dataset committed = Dataset.write()
                         .allocator(allocator)
                         .reader(reader)
                         .uri(head.uri())
                         .mode(WriteParams.WriteMode.OVERWRITE)
                         .enableStableRowIds(true)
                         .dataStorageVersion(head.getLanceFileFormatVersion())
                         .storageOptions(storageOptions(target.location()))
                         .session(session)
                         .execute()) {
                return new WriteOutcome(committed.version(), rows.rowCount(), 0, 0);
            }
        });
    }

    @Override
    public WriteOutcome upsert(WriteTarget target, ColumnarBatch rows) {
        return write(target, "upsert into", head -> {
            TableSchema schema = schemaOf(head, target.location());
            String key = primaryKey(schema, target, "upsert");
            ArrowBatches.checkFits(schema, rows, target.location());
            if (rows.rowCount() == 0) {
                return nothingWritten(head);
            }
            requireUniqueKeys(rows, key, target);
            MergeInsertParams params = new MergeInsertParams(List.of(key))
                    .withMatchedUpdateAll()
                    .withNotMatched(MergeInsertParams.WhenNotMatched.InsertAll)
                    .withConflictRetries(0);
            return mergeInsert(head, schema, rows, params);
        });
    }

    @Override
    public WriteOutcome insertNew(WriteTarget target, ColumnarBatch rows) {
        return write(target, "insert into", head -> {
            TableSchema schema = schemaOf(head, target.location());
            String key = primaryKey(schema, target, "insert new rows");
            ArrowBatches.checkFits(schema, rows, target.location());
            if (rows.rowCount() == 0) {
                return nothingWritten(head);
            }
            List<String> keys = requireUniqueKeys(rows, key, target);
            List<String> existing = existingKeys(head, key, keys);
            if (!existing.isEmpty()) {
                throw new KeyConflictException(describe(target), existing, null);
            }
            // withMatchedFail guards the snapshot; a concurrent insert of the same key is a PK conflict
            MergeInsertParams params = new MergeInsertParams(List.of(key))
                    .withMatchedFail()
                    .withNotMatched(MergeInsertParams.WhenNotMatched.InsertAll)
                    .withConflictRetries(0);
            try {
                return mergeInsert(head, schema, rows, params);
            } catch (Exception e) {
                if (LanceErrors.isMatchedKey(e)) {
                    throw new KeyConflictException(describe(target), LanceErrors.matchedKeys(e), e);
                }
                throw e;
            }
        });
    }

    private WriteOutcome mergeInsert(Dataset head, TableSchema schema, ColumnarBatch rows, MergeInsertParams params) throws Exception {
        try (ArrowArrayStream stream = stream(schema, head.getSchema(), rows)) {
            MergeInsertResult result = head.mergeInsert(params, stream);
            try (Dataset committed = result.dataset()) {
                return new WriteOutcome(committed.version(), result.stats().numInsertedRows(), result.stats().numUpdatedRows(),
                        result.stats().numDeletedRows());
            }
        }
    }

    @Override
    public WriteOutcome deleteWhere(WriteTarget target, TableFilter filter) {
        return write(target, "delete from", head -> {
            Optional<String> predicate = LanceFilterRenderer.render(filter, schemaOf(head, target.location()));
            long matching = predicate.isPresent() ? head.countRows(predicate.get()) : head.countRows();
            if (matching == 0) {
                return nothingWritten(head);
            }
            head.delete(predicate.orElse("TRUE"));
            return new WriteOutcome(head.version(), 0, 0, matching);
        });
    }

    @Override
    public WriteOutcome restore(WriteTarget target, long version) {
        return write(target, "restore", head -> {
            try (Dataset old = open(target.location(), target.branch(), OptionalLong.of(version))) {
                old.restore();
                return new WriteOutcome(old.version(), 0, 0, 0);
            }
        });
    }

    /** Compaction as optimize wants it: merge small files and drop deleted rows (Lance's other defaults). */
    private static CompactionOptions compactionOptions() {
        return CompactionOptions.builder().withMaterializeDeletions(true).build();
    }

    @Override
    public boolean needsCompaction(String location, String branch) {
        return read(TableRef.latest(location, branch), "plan the compaction of",
                dataset -> !Compaction.planCompaction(dataset, compactionOptions()).getCompactionTasks().isEmpty());
    }

    @Override
    public CompactionOutcome compact(WriteTarget target) {
        return underWriteLock(target, "compact", head -> {
            long before = head.version();
            Set<Integer> filesBefore = fragmentIds(head);
            head.compact(compactionOptions());
            if (head.version() == before) {
                return new CompactionOutcome(before, false, 0, 0);
            }
            Set<Integer> filesAfter = fragmentIds(head);
            long removed = filesBefore.stream().filter(id -> !filesAfter.contains(id)).count();
            long added = filesAfter.stream().filter(id -> !filesBefore.contains(id)).count();
            LOG.debug("compact {}: version {} -> {} ({} files -> {})", describe(target), before, head.version(), removed,
                    added);
            return new CompactionOutcome(head.version(), true, removed, added);
        });
    }

    private static Set<Integer> fragmentIds(Dataset dataset) {
        Set<Integer> ids = new HashSet<>();
        for (Fragment fragment : dataset.getFragments()) {
            ids.add(fragment.getId());
        }
        return ids;
    }

    /** Lance operations that reorganise storage without changing the content of any version. */
    private static final Set<String> CONTENT_PRESERVING_OPERATIONS = Set.of("Rewrite", "ReserveFragments");

    @Override
    public Optional<VersionOperation> committedOperation(TableRef ref) {
        if (ref.version().isEmpty()) {
            throw new InvalidTableRequestException("the operation of " + describe(ref)
                    + " needs an exact version, not the latest", null);
        }
        long version = ref.version().getAsLong();
        return read(ref, "read the transaction of", dataset -> {
            Optional<Transaction> recorded = dataset.readTransaction();
            if (recorded.isEmpty()) {
                return Optional.empty();
            }
            try (Transaction transaction = recorded.get()) {
                String name = transaction.operation().name();
                return Optional.of(new VersionOperation(version, name, CONTENT_PRESERVING_OPERATIONS.contains(name)));
            }
        });
    }

    @Override
    public CleanupOutcome cleanup(String location, long keepFromVersion) {
        ReentrantLock lock = lockFor(location, TableRef.MAIN);
        lock.lock();
        handles.invalidate(location);
        try (Dataset main = openMain(location, OptionalLong.empty())) {
            long before = Math.min(keepFromVersion, main.version());
            RemovalStats removed = main.cleanupWithPolicy(CleanupPolicy.builder()
                    .withBeforeVersion(before)
                    .withErrorIfTaggedOldVersions(false)
                    .build());
            LOG.debug("cleanup of {} before version {} removed {} versions ({} bytes)", location, before,
                    removed.getOldVersions(), removed.getBytesRemoved());
            return new CleanupOutcome(removed.getOldVersions(), removed.getBytesRemoved());
        } catch (Exception e) {
            throw LanceErrors.translate(e, "clean up " + location);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void drop(String location) {
        ReentrantLock lock = lockFor(location, TableRef.MAIN);
        lock.lock();
        handles.invalidate(location);
        try {
            Dataset.drop(uri(location), storageOptions(location));
        } catch (Exception e) {
            if (!LanceErrors.isNotFound(e)) {
                throw LanceErrors.translate(e, "drop " + location);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- branches -------------------------------------------------------------------------------

    @Override
    public void createBranch(String location, String branch, TableRef from) {
        if (TableRef.MAIN.equals(branch)) {
            throw new TableAlreadyExistsException("branch '" + TableRef.MAIN + "' of " + location, null);
        }
        if (!uri(from.location()).equals(uri(location))) {
            throw new InvalidTableRequestException("a branch of " + location + " cannot start from another table ("
                    + from.location() + ")", null);
        }
        try (Dataset main = openMain(location, OptionalLong.empty())) {
            if (branchNames(main).contains(branch)) {
                throw new TableAlreadyExistsException("branch '" + branch + "' of " + location, null);
            }
            if (TableRef.MAIN.equals(from.branch())) {
                Ref source = from.version().isPresent() ? Ref.ofMain(from.version().getAsLong()) : Ref.ofMain();
                createBranchFrom(main, branch, source, from);
            } else {
                // Lance 7 resolves a branch-from-branch only through a handle on the source branch: through a
                // main handle it looks for the source version among main's manifests and fails
                try (Dataset source = open(location, from.branch(), OptionalLong.empty())) {
                    long version = from.version().orElse(source.version());
                    createBranchFrom(source, branch, Ref.ofBranch(from.branch(), version), from);
                }
            }
            LOG.debug("created branch '{}' of {} from {}", branch, location, describe(from));
        } catch (Exception e) {
            throw LanceErrors.translate(e, "create branch '" + branch + "' of " + location);
        }
    }

    private static void createBranchFrom(Dataset handle, String branch, Ref source, TableRef from) {
        try (Dataset created = handle.createBranch(branch, source)) {
            LOG.trace("branch handle at version {}", created.version());
        } catch (Exception e) {
            if (LanceErrors.isNotFound(e) && from.version().isPresent()) {
                throw new TableVersionNotFoundException(describe(from), from.version().getAsLong(), e);
            }
            throw e;
        }
    }

    @Override
    public void deleteBranch(String location, String branch) {
        if (TableRef.MAIN.equals(branch)) {
            throw new InvalidTableRequestException("the main branch of " + location + " cannot be deleted", null);
        }
        // A branch re-created under this name restarts from another version: its cached handles would lie.
        handles.invalidate(location);
        try (Dataset main = openMain(location, OptionalLong.empty())) {
            List<Branch> branches = main.branches().list();
            if (branches.stream().noneMatch(b -> b.getName().equals(branch))) {
                return;
            }
            List<String> children = branches.stream()
                    .filter(b -> b.getParentBranch().filter(branch::equals).isPresent())
                    .map(Branch::getName)
                    .toList();
            if (!children.isEmpty()) {
                throw new InvalidTableRequestException("branch '" + branch + "' of " + location
                        + " cannot be deleted while branches were created from it: " + children, null);
            }
            main.branches().delete(branch);
            LOG.debug("deleted branch '{}' of {}", branch, location);
        } catch (Exception e) {
            if (LanceErrors.isNotFound(e) && !(e instanceof TableNotFoundException)) {
                return;
            }
            if (LanceErrors.message(e).contains("Ref conflict")) {
                throw new InvalidTableRequestException("delete branch '" + branch + "' of " + location + ": "
                        + LanceErrors.message(e), e);
            }
            throw LanceErrors.translate(e, "delete branch '" + branch + "' of " + location);
        }
    }

    @Override
    public List<String> branches(String location) {
        return read(TableRef.mainLatest(location), "list the branches of", dataset -> {
            List<String> names = new ArrayList<>(branchNames(dataset));
            names.sort(null);
            return List.copyOf(names);
        });
    }

    @Override
    public Optional<BranchOrigin> branchOrigin(String location, String branch) {
        if (TableRef.MAIN.equals(branch)) {
            return Optional.empty();
        }
        // read afresh, never from a cached handle: this is the authority an ambiguous create or delete is judged by
        try (Dataset main = openMain(location, OptionalLong.empty())) {
            for (Branch candidate : main.branches().list()) {
                if (candidate.getName().equals(branch)) {
                    String incarnation = candidate.getBranchIdentifier().stream()
                            .map(mapping -> mapping.getVersion() + ":" + mapping.getUuid())
                            .collect(Collectors.joining(","));
                    return Optional.of(new BranchOrigin(candidate.getParentBranch().orElse(TableRef.MAIN),
                            candidate.getParentVersion(), incarnation));
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw LanceErrors.translate(e, "read the origin of branch '" + branch + "' of " + location);
        }
    }

    private static Set<String> branchNames(Dataset main) {
        Set<String> names = new HashSet<>();
        for (Branch branch : main.branches().list()) {
            names.add(branch.getName());
        }
        return names;
    }

    // ---- keys and batches -------------------------------------------------------------------------

    private static String primaryKey(TableSchema schema, WriteTarget target, String operation) {
        return schema.primaryKey().orElseThrow(() -> new InvalidTableRequestException("cannot " + operation + " "
                + describe(target) + ": the table has no primary key", null));
    }

    /** The batch's keys in order; refuses a repeated key (Lance would refuse an ambiguous merge). */
    private static List<String> requireUniqueKeys(ColumnarBatch rows, String key, WriteTarget target) {
        ColumnVector keys = rows.column(key);
        Set<String> seen = new LinkedHashSet<>();
        for (int row = 0; row < rows.rowCount(); row++) {
            String value = keys.getString(row);
            if (!seen.add(value)) {
                throw new InvalidTableRequestException("the batch for " + describe(target) + " repeats the key '" + value + "'", null);
            }
        }
        return List.copyOf(seen);
    }

    /** Which of {@code keys} the handle's version holds, in the order given. */
    private List<String> existingKeys(Dataset head, String key, List<String> keys) throws Exception {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < keys.size(); from += KEY_LOOKUP_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEY_LOOKUP_CHUNK));
            StringBuilder filter = new StringBuilder(LanceFilterRenderer.identifier(key)).append(" IN (");
            for (int i = 0; i < chunk.size(); i++) {
                filter.append(i == 0 ? "" : ", ").append(LanceFilterRenderer.string(chunk.get(i)));
            }
            filter.append(')');
            ScanOptions options = new ScanOptions.Builder().columns(List.of(key)).filter(filter.toString()).build();
            LanceScanner scanner = head.newScan(options);
            try (ArrowReader reader = scanner.scanBatches()) {
                while (reader.loadNextBatch()) {
                    VectorSchemaRoot root = reader.getVectorSchemaRoot();
                    VarCharVector values = (VarCharVector) root.getVector(0);
                    for (int row = 0; row < root.getRowCount(); row++) {
                        found.add(new String(values.get(row), StandardCharsets.UTF_8));
                    }
                }
            } finally {
                scanner.close();
            }
        }
        return keys.stream().filter(found::contains).toList();
    }

    /** The batch as a C-data stream in the stored layout; closing the stream releases everything. */
    private ArrowArrayStream stream(TableSchema schema, Schema arrowSchema, ColumnarBatch rows) {
        VectorSchemaRoot root = ArrowBatches.toRoot(schema, arrowSchema, rows, allocator);
        ArrowReader reader = ArrowBatches.readerOf(root, allocator);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator);
        try {
            Data.exportArrayStream(allocator, reader, stream);
            return stream;
        } catch (RuntimeException e) {
            stream.close();
            LanceScanCursor.Closer closer = new LanceScanCursor.Closer();
            closer.run(reader::close);
            closer.rethrow("export a batch");
            throw e;
        }
    }

    // ---- lifecycle --------------------------------------------------------------------------------

    /**
     * Closes the session and the allocator. Refuses (and closes nothing, so the caller can close its
     * cursors and try again) while Arrow memory is still handed out, which means a cursor is open.
     */
    @Override
    public void close() {
        handles.close();
        long inUse = allocator.getAllocatedMemory();
        if (inUse > 0) {
            throw new TableStorageUnavailableException("Lance table storage cannot close while " + inUse
                    + " bytes of Arrow memory are in use (an unclosed cursor?)", null);
        }
        try {
            session.close();
        } finally {
            allocator.close();
        }
    }
}
