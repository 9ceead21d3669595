package dev.omnigraph.application.engine;

import dev.omnigraph.application.failpoint.FailpointNames;
import dev.omnigraph.application.failpoint.Failpoints;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.CommitConflictException;
import dev.omnigraph.ports.out.table.KeyConflictException;
import dev.omnigraph.ports.out.table.TableAlreadyExistsException;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import dev.omnigraph.ports.out.table.WriteOutcome;
import dev.omnigraph.ports.out.table.WriteTarget;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the tables of one graph change, each on top of exactly the version the snapshot published, and
 * returns the manifest rows that publish the new versions. Nothing here is visible until those rows are
 * published.
 *
 * <p>On a branch other than main, a table still shared with the branch's source is forked first
 * (copy-on-write, engine notes §1.5): a Lance branch of the table named like the graph branch, starting
 * at the published version. A fork left by an interrupted write is unpublished garbage and is replaced.
 *
 * <p>A failure leaves the tables as they are: the write's recovery sidecar ({@link RecoverableWrites})
 * resolves them, so the graph's published state never depends on an in-process undo.
 */
final class TableWrites {

    private static final Logger LOG = LoggerFactory.getLogger(TableWrites.class);

    /** One table's change. */
    sealed interface TableWrite {
        String tableKey();

        /** Replaces the table's content. */
        record Overwrite(String tableKey, ColumnarBatch rows) implements TableWrite {
        }

        /** Inserts rows whose ids must all be new. */
        record InsertNew(String tableKey, ColumnarBatch rows) implements TableWrite {
        }

        /** Inserts or replaces rows by id. */
        record Upsert(String tableKey, ColumnarBatch rows) implements TableWrite {
        }

        /** Deletes the rows with these ids. */
        record DeleteIds(String tableKey, Set<String> ids) implements TableWrite {
            public DeleteIds {
                ids = Set.copyOf(ids);
            }
        }
    }

    private final TableStorage storage;

    TableWrites(TableStorage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    /**
     * Writes every table in order, adding the manifest row of each committed table to {@code published} as
     * soon as it commits, so that after a failure the caller knows which tables already moved.
     */
    void apply(OpenGraph graph, List<TableWrite> writes, ProgressListener progress, List<ManifestEntry> published) {
        String graphBranch = graph.snapshot().branch();
        int done = 0;
        try {
            for (TableWrite write : writes) {
                VisibleTable table = graph.visible(write.tableKey()).orElseThrow(() -> new GraphEngineException(
                        GraphErrorKind.SCHEMA_CONTRACT, write.tableKey() + " has no published table"));
                String label = "writing " + write.tableKey().substring(write.tableKey().indexOf(':') + 1);
                progress.onProgress(label, done, writes.size());
                String location = graph.root().tableLocation(table.location());
                String tableBranch = table.version().tableBranch().orElse(TableRef.MAIN);
                long publishedVersion = table.version().version();
                String targetBranch = tableBranch;
                long expectedVersion = publishedVersion;
                if (!graphBranch.equals(tableBranch)) {
                    expectedVersion = fork(location, graphBranch, TableRef.at(location, tableBranch, publishedVersion));
                    targetBranch = graphBranch;
                    Failpoints.maybeFail(FailpointNames.MUTATION_POST_FORK_PRE_COMMIT);
                }
                WriteTarget target = WriteTarget.expecting(location, targetBranch, expectedVersion);
                WriteOutcome outcome = write(target, write);
                long rowCount = write instanceof TableWrite.Overwrite overwrite ? overwrite.rows().rowCount()
                        : table.version().rowCount() + outcome.inserted() - outcome.deleted();
                Optional<String> publishedBranch = TableRef.MAIN.equals(targetBranch) ? Optional.empty() : Optional.of(targetBranch);
                published.add(new PublishedTableVersion(table.registration().identity(), table.tableKey(), outcome.version(),
                        publishedBranch, rowCount));
                Failpoints.maybeFail(FailpointNames.MUTATION_POST_TABLE_COMMIT);
                progress.onProgress(label, ++done, writes.size());
            }
        } catch (KeyConflictException conflict) {
            throw new GraphEngineException(GraphErrorKind.KEY_CONFLICT, conflict.getMessage(), conflict);
        } catch (CommitConflictException moved) {
            throw new GraphEngineException(GraphErrorKind.CONFLICT, "a table moved past the published graph state during "
                    + "the write (a concurrent writer, or an earlier write that was interrupted before publishing): "
                    + moved.getMessage(), moved);
        }
    }

    private WriteOutcome write(WriteTarget target, TableWrite write) {
        if (write instanceof TableWrite.Overwrite overwrite) {
            return storage.overwrite(target, overwrite.rows());
        }
        if (write instanceof TableWrite.InsertNew insert) {
            return storage.insertNew(target, insert.rows());
        }
        if (write instanceof TableWrite.Upsert upsert) {
            return storage.upsert(target, upsert.rows());
        }
        TableWrite.DeleteIds delete = (TableWrite.DeleteIds) write;
        return storage.deleteWhere(target, new TableFilter.In("id", List.copyOf(delete.ids())));
    }

    /** Forks a table for a graph branch at the published version; returns the fork's latest version. */
    private long fork(String location, String branch, TableRef from) {
        try {
            storage.createBranch(location, branch, from);
        } catch (TableAlreadyExistsException leftover) {
            LOG.info("replacing an unpublished fork '{}' of {} (left by an interrupted write)", branch, location);
            storage.deleteBranch(location, branch);
            storage.createBranch(location, branch, from);
        }
        return storage.latestVersion(location, branch);
    }
}
