package dev.omnigraph.ports.out.table;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Versioned, branchable columnar tables: the storage substrate of graph data (one table per node or edge
 * type incarnation) and of the graph manifest. Every write commits exactly one new version of one branch
 * of one table; versions are immutable and readable until reclaimed by {@link #cleanup}.
 *
 * <p><b>Atomicity.</b> Each write is all-or-nothing: it commits one version or leaves the table as it
 * was. Concurrent writers on one branch never lose each other's commits silently: two commits that touch
 * the same primary key, or a commit whose {@link WriteTarget#expectedVersion()} is no longer the latest,
 * fail with {@link CommitConflictException}; commits touching disjoint keys may both succeed, in some
 * order. Within one instance the expected-version check and the commit are atomic (writes to one branch
 * of one table are serialised); between instances (other processes) the check is made when the write
 * starts, and a concurrent commit slipping in between is caught only if it touched the same keys.
 *
 * <p><b>Empty writes.</b> A write with nothing to do (an append, upsert or insert of no rows, a delete
 * matching nothing) commits nothing and returns the current version with zero counts.
 *
 * <p><b>Reads.</b> A read at an exact version always sees that version, whatever is committed meanwhile.
 *
 * <p><b>Threading.</b> Thread-safe; one instance serves the process.
 *
 * <p><b>Failures.</b> Only {@link TableStorageException} subtypes.
 *
 * <p>Locations are URIs or absolute paths of the table's root ({@code /srv/g/nodes/0001-0001},
 * {@code s3://bucket/g/nodes/0001-0001}); branches are named, {@link TableRef#MAIN} being the trunk.
 */
public interface TableStorage extends AutoCloseable {

    /** What a backend supports beyond the contract; the conformance suite reads these. */
    enum Capability {
        /** Named branches ({@link #createBranch} and writes/reads on non-main branches). */
        BRANCHES,
        /** Reclaiming old versions with {@link #cleanup}. */
        CLEANUP,
        /** Reporting the operation that committed each version with {@link #committedOperation}. */
        OPERATION_HISTORY
    }

    Set<Capability> capabilities();

    /** Whether a table exists at the location (on main). */
    boolean exists(String location);

    /**
     * Creates a table whose version 1 holds {@code rows} (possibly none).
     *
     * @throws TableAlreadyExistsException if a table exists at the location; nothing is written
     */
    WriteOutcome create(String location, TableSchema schema, ColumnarBatch rows);

    /** The schema of a table at a version (columns, primary key, metadata). */
    TableSchema schema(TableRef ref);

    /** The latest version of a branch. */
    long latestVersion(String location, String branch);

    /** The readable versions of a branch, oldest first. */
    List<TableVersionInfo> versions(String location, String branch);

    /** Opens a scan of one version; the caller closes the cursor. */
    ScanCursor scan(TableRef ref, ScanRequest request);

    /**
     * Reads the rows at {@code positions} of one version, in the order given (a position may repeat).
     * A row's position is its 0-based ordinal in the version's {@linkplain ScanRequest#ordered() storage
     * order}, so positions observed by an ordered scan of a version stay valid for that version forever.
     *
     * @param columns the columns to read (empty = all, in schema order)
     * @throws InvalidTableRequestException for a negative position, a position not below the version's
     *     row count, or an unknown column
     */
    ScanCursor take(TableRef ref, long[] positions, Optional<List<String>> columns);

    /** Counts the rows matching a filter at one version. */
    long count(TableRef ref, TableFilter filter);

    /** Appends rows as they are (no key check). */
    WriteOutcome append(WriteTarget target, ColumnarBatch rows);

    /**
     * Replaces the whole content of the branch with {@code rows}; the table's schema becomes
     * {@code rows.schema()} (columns, column and table metadata). The primary key cannot change.
     */
    WriteOutcome overwrite(WriteTarget target, ColumnarBatch rows);

    /**
     * Inserts rows whose primary key is new and updates (whole row) those whose key exists. The batch
     * must not repeat a key.
     */
    WriteOutcome upsert(WriteTarget target, ColumnarBatch rows);

    /**
     * Inserts rows whose primary keys must all be new.
     *
     * @throws KeyConflictException if any key exists; nothing is written
     */
    WriteOutcome insertNew(WriteTarget target, ColumnarBatch rows);

    /**
     * Deletes the rows matching a filter, evaluated against the branch's latest version at commit time.
     * A filter matching nothing commits nothing and returns the current version with zero counts.
     */
    WriteOutcome deleteWhere(WriteTarget target, TableFilter filter);

    /**
     * Creates a named branch starting at {@code from} (main or another branch, latest or exact version).
     *
     * @throws TableAlreadyExistsException if the branch exists
     */
    void createBranch(String location, String branch, TableRef from);

    /**
     * Deletes a branch; idempotent.
     *
     * @throws InvalidTableRequestException for {@link TableRef#MAIN}, or while another branch was created
     *     from this one; nothing is deleted
     */
    void deleteBranch(String location, String branch);

    /** The names of the table's non-main branches. */
    List<String> branches(String location);

    /**
     * Where a named branch started, read afresh from the backend's branch records; empty when no branch of that
     * name exists (also for {@link TableRef#MAIN}, which has no origin).
     */
    Optional<BranchOrigin> branchOrigin(String location, String branch);

    /** Commits a new latest version of the branch whose content is that of {@code version}. */
    WriteOutcome restore(WriteTarget target, long version);

    /**
     * Whether {@link #compact} would rewrite anything at the branch's latest version (small files to merge,
     * deleted rows to drop). Reads only.
     */
    boolean needsCompaction(String location, String branch);

    /**
     * Rewrites the branch's data into fewer, larger files, dropping deleted rows; the content of every
     * version is unchanged. Commits new versions only when there was something to rewrite (it may take
     * more than one commit); honours {@link WriteTarget#expectedVersion()} like every write.
     */
    CompactionOutcome compact(WriteTarget target);

    /**
     * The operation that committed one exact version of a branch, as recorded by the backend; empty when the
     * backend keeps no record of it (always, for a backend without {@link Capability#OPERATION_HISTORY}).
     *
     * @throws InvalidTableRequestException if {@code ref} names no exact version
     * @throws TableVersionNotFoundException if the version does not exist or was reclaimed
     */
    Optional<VersionOperation> committedOperation(TableRef ref);

    /**
     * Reclaims the versions of main older than {@code keepFromVersion} and the files only they use; the
     * latest version and every version another branch was created from are kept. Reading a reclaimed
     * version afterwards fails with {@link TableVersionNotFoundException}.
     */
    CleanupOutcome cleanup(String location, long keepFromVersion);

    /** Removes the table and all its versions and branches; idempotent. */
    void drop(String location);

    /**
     * Releases the instance's resources (memory pools, caches). Every cursor must be closed first; the
     * instance is unusable afterwards. The default does nothing.
     */
    @Override
    default void close() {}
}
