package dev.omnigraph.domain.graph.maintenance;

import java.util.Objects;

/** What storage recorded about one version of a table that the manifest does not publish yet. */
public sealed interface DriftEvidence {

    long version();

    /**
     * The version's committing operation is on record.
     *
     * @param operation the substrate's name for it ({@code Rewrite}, {@code Append}, …)
     * @param preservesContent whether the operation only reorganises storage (compaction's rewrite, a
     *     fragment reservation) and cannot change any row
     */
    record Recorded(long version, String operation, boolean preservesContent) implements DriftEvidence {
        public Recorded {
            Objects.requireNonNull(operation, "operation");
        }
    }

    /** Storage kept no record of the version's operation, or it could not be read. */
    record Unreadable(long version, String reason) implements DriftEvidence {
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
