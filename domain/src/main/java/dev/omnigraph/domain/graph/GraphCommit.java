package dev.omnigraph.domain.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * One graph commit: a publication of new table versions on one branch, with its lineage.
 *
 * @param id the commit's ULID
 * @param branch the branch it was authored on
 * @param manifestVersion the graph manifest version it published
 * @param parentId the previous head of the branch (empty for the genesis commit)
 * @param mergedParentId the second parent of a merge commit
 * @param actorId who made it, when known
 * @param createdAtMicros creation time in microseconds since the epoch
 */
public record GraphCommit(String id, String branch, long manifestVersion, Optional<String> parentId,
                          Optional<String> mergedParentId, Optional<String> actorId, long createdAtMicros) {
    public GraphCommit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(mergedParentId, "mergedParentId");
        Objects.requireNonNull(actorId, "actorId");
    }
}
