package dev.omnigraph.ports.in;

import java.util.List;
import java.util.Optional;

/**
 * The reference's {@code SnapshotOutput}.
 *
 * @param graphBranch the branch read
 * @param graphManifestVersion the manifest version of the snapshot
 * @param internalSchemaVersion the storage format's internal schema version
 * @param datasets every visible node and edge type
 */
public record ServedSnapshotResult(String graphBranch, long graphManifestVersion, int internalSchemaVersion,
                                   List<Dataset> datasets) {
    public ServedSnapshotResult {
        datasets = List.copyOf(datasets);
    }

    /**
     * @param entityKind {@code node} or {@code edge}
     * @param datasetPath the table's path relative to the graph root
     * @param nativeDatasetBranch the Lance branch the table is read from, when not main
     */
    public record Dataset(String typeName, String entityKind, String datasetPath, long publishedDatasetVersion,
                          long entityCount, Optional<String> nativeDatasetBranch) {}
}
