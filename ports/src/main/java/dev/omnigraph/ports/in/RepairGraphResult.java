package dev.omnigraph.ports.in;

import dev.omnigraph.domain.graph.maintenance.RepairAction;
import dev.omnigraph.domain.graph.maintenance.RepairClassification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code repair} found and did (the reference's {@code RepairStats}).
 *
 * @param graphUri the graph
 * @param confirm whether drift could be published
 * @param force whether suspicious drift could be published
 * @param tables every node and edge table of {@code main}, by key
 * @param commitId the commit that published repaired tables, if any
 * @param graphManifestVersion that commit's manifest version
 */
public record RepairGraphResult(String graphUri, boolean confirm, boolean force, List<TableRepair> tables,
                                Optional<String> commitId, OptionalLong graphManifestVersion) {

    public RepairGraphResult {
        Objects.requireNonNull(graphUri, "graphUri");
        tables = List.copyOf(tables);
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(graphManifestVersion, "graphManifestVersion");
    }

    /**
     * One table.
     *
     * @param publishedVersion the version published before repair
     * @param headVersion the storage head
     * @param operations the recorded operations of the unpublished versions, oldest first
     * @param error why the drift could not be judged, if it could not
     */
    public record TableRepair(String tableKey, long publishedVersion, long headVersion,
                              RepairClassification classification, RepairAction action, List<String> operations,
                              Optional<String> error) {
        public TableRepair {
            Objects.requireNonNull(tableKey, "tableKey");
            Objects.requireNonNull(classification, "classification");
            Objects.requireNonNull(action, "action");
            operations = List.copyOf(operations);
            Objects.requireNonNull(error, "error");
        }
    }

    /** How many tables were refused (drift that needs {@code --force}). */
    public long refusedCount() {
        return tables.stream().filter(t -> t.action() == RepairAction.REFUSED).count();
    }
}
