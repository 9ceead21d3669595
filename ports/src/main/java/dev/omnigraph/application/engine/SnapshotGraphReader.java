package dev.omnigraph.application.engine;

import dev.omnigraph.application.query.GraphReader;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableStorage;
import java.util.List;
import java.util.Optional;

/** A {@link GraphReader} over exactly one opened snapshot: every scan reads the published table version. */
public final class SnapshotGraphReader implements GraphReader {

    private final OpenGraph graph;
    private final TableStorage storage;
    private final QueryCatalog catalog;

    public SnapshotGraphReader(OpenGraph graph, TableStorage storage) {
        this.graph = graph;
        this.storage = storage;
        this.catalog = graph.catalog();
    }

    @Override
    public QueryCatalog catalog() {
        return catalog;
    }

    @Override
    public String snapshotId() {
        return graph.root().uri() + "#" + graph.snapshot().snapshotId();
    }

    @Override
    public ScanCursor scan(String tableKey, ScanRequest request) {
        return storage.scan(graph.readRef(published(tableKey)), request);
    }

    @Override
    public ScanCursor take(String tableKey, long[] positions, Optional<List<String>> columns) {
        return storage.take(graph.readRef(published(tableKey)), positions, columns);
    }

    private VisibleTable published(String tableKey) {
        return graph.visible(tableKey).orElseThrow(() -> new GraphEngineException(GraphErrorKind.SCHEMA_CONTRACT,
                "snapshot " + graph.snapshot().snapshotId() + " has no published table for " + tableKey));
    }
}
