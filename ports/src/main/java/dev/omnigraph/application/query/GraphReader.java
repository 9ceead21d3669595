package dev.omnigraph.application.query;

import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import java.util.List;
import java.util.Optional;

/**
 * Read access to exactly one graph snapshot: everything a query needs and nothing that could let it see
 * two versions. Node tables have the columns {@code id} and then every property of the type (interface
 * properties included) by property name; edge tables {@code id}, {@code src}, {@code dst} and then the
 * edge's properties. Values use the representations of
 * {@link dev.omnigraph.ports.out.table.ColumnType}.
 *
 * <p>Implementations are safe for concurrent scans.
 */
public interface GraphReader {

    /** The schema the snapshot was written with, as the query side sees it. */
    QueryCatalog catalog();

    /** A stable identity of the snapshot (e.g. {@code manifest:main:v7}), usable as a cache key. */
    String snapshotId();

    /**
     * Scans the table of a node or edge type.
     *
     * @param tableKey {@code node:<Type>} or {@code edge:<Type>}
     */
    ScanCursor scan(String tableKey, ScanRequest request);

    /**
     * Reads rows of a table by position in the snapshot's storage order (the order of an unfiltered
     * scan), in the order given; see {@link dev.omnigraph.ports.out.table.TableStorage#take}.
     */
    ScanCursor take(String tableKey, long[] positions, Optional<List<String>> columns);
}
