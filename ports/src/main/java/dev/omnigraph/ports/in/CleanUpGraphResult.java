package dev.omnigraph.ports.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code cleanup} reclaimed (the reference's per-dataset {@code DatasetCleanupStats}).
 *
 * @param graphUri the graph
 * @param tables the graph manifest ({@value OptimizeGraphResult#MANIFEST_KEY}) first, then every node and
 *     edge table by key
 * @param reclaimedForks the table branches no live graph branch read, as {@code <table key>@<branch>}
 */
public record CleanUpGraphResult(String graphUri, List<TableCleanup> tables, List<String> reclaimedForks) {

    public CleanUpGraphResult {
        Objects.requireNonNull(graphUri, "graphUri");
        tables = List.copyOf(tables);
        reclaimedForks = List.copyOf(reclaimedForks);
    }

    /**
     * One table.
     *
     * @param keptFromVersion the oldest version kept (empty when the table failed before it was decided)
     * @param error why this table's cleanup failed; the others went on
     */
    public record TableCleanup(String tableKey, long versionsRemoved, long bytesRemoved,
                               OptionalLong keptFromVersion, Optional<String> error) {
        public TableCleanup {
            Objects.requireNonNull(tableKey, "tableKey");
            Objects.requireNonNull(keptFromVersion, "keptFromVersion");
            Objects.requireNonNull(error, "error");
        }
    }

    public long versionsRemoved() {
        return tables.stream().mapToLong(TableCleanup::versionsRemoved).sum();
    }

    public long bytesRemoved() {
        return tables.stream().mapToLong(TableCleanup::bytesRemoved).sum();
    }

    public List<TableCleanup> failed() {
        return tables.stream().filter(t -> t.error().isPresent()).toList();
    }
}
