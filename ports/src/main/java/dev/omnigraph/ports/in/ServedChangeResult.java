package dev.omnigraph.ports.in;

import java.util.Objects;
import java.util.Optional;

/**
 * The reference's {@code ChangeOutput}.
 *
 * @param commit the published commit; empty when the mutation changed nothing
 */
public record ServedChangeResult(String queryName, String branch, long affectedNodes, long affectedEdges,
                                 Optional<String> actorId, Optional<CommitResult> commit)
        implements StoredQueryInvocationResult {
    public ServedChangeResult {
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(commit, "commit");
    }
}
