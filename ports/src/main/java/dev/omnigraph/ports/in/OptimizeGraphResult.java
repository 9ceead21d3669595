package dev.omnigraph.ports.in;

import dev.omnigraph.domain.graph.maintenance.SkipReason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code optimize} did (the reference's per-dataset {@code DatasetOptimizeStats}).
 *
 * @param graphUri the graph
 * @param tables one entry per node and edge table of {@code main} by table key, then one for the graph
 *     manifest ({@value #MANIFEST_KEY}), which is compacted in place and never published
 * @param commitId the commit that published the compacted tables; empty when no table changed
 * @param graphManifestVersion the manifest version of that commit
 */
public record OptimizeGraphResult(String graphUri, List<TableOptimization> tables, Optional<String> commitId,
                                  OptionalLong graphManifestVersion) {

    /** The key of the graph manifest's own entry. */
    public static final String MANIFEST_KEY = "__manifest";

    public OptimizeGraphResult {
        Objects.requireNonNull(graphUri, "graphUri");
        tables = List.copyOf(tables);
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(graphManifestVersion, "graphManifestVersion");
    }

    /**
     * One table.
     *
     * @param tableKey {@code node:<Type>}, {@code edge:<Type>} or {@value #MANIFEST_KEY}
     * @param filesRemoved data files (fragments) rewritten away
     * @param filesAdded data files written in their place
     * @param committed whether the table advanced to a new version (published, for a node or edge table)
     * @param skipped why the table was left untouched, if it was
     * @param publishedVersion the published version observed, for a skipped table
     * @param headVersion the storage head observed, for a skipped table
     */
    public record TableOptimization(String tableKey, long filesRemoved, long filesAdded, boolean committed,
                                    Optional<SkipReason> skipped, OptionalLong publishedVersion, OptionalLong headVersion) {
        public TableOptimization {
            Objects.requireNonNull(tableKey, "tableKey");
            Objects.requireNonNull(skipped, "skipped");
            Objects.requireNonNull(publishedVersion, "publishedVersion");
            Objects.requireNonNull(headVersion, "headVersion");
            if (skipped.isPresent() && (committed || filesRemoved != 0 || filesAdded != 0)) {
                throw new IllegalArgumentException("a skipped table was not compacted");
            }
        }

        public static TableOptimization compacted(String tableKey, long filesRemoved, long filesAdded, boolean committed) {
            return new TableOptimization(tableKey, filesRemoved, filesAdded, committed, Optional.empty(),
                    OptionalLong.empty(), OptionalLong.empty());
        }

        public static TableOptimization skipped(String tableKey, SkipReason reason, long published, long head) {
            return new TableOptimization(tableKey, 0, 0, false, Optional.of(reason), OptionalLong.of(published),
                    OptionalLong.of(head));
        }
    }
}
