package dev.omnigraph.ports.in;

import dev.omnigraph.domain.query.result.QueryResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The reference's {@code ReadOutput}.
 *
 * @param queryName the query that ran
 * @param targetBranch the branch read, when addressed by branch
 * @param targetSnapshot the snapshot read, when addressed by snapshot
 * @param result columns and rows ({@code row_count} is its row count)
 * @param graphCommitId the head commit of the snapshot read (the id for conditional writes)
 */
public record ServedReadResult(String queryName, Optional<String> targetBranch, Optional<String> targetSnapshot,
                               QueryResult result, Optional<String> graphCommitId)
        implements StoredQueryInvocationResult {
    public ServedReadResult {
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(targetBranch, "targetBranch");
        Objects.requireNonNull(targetSnapshot, "targetSnapshot");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(graphCommitId, "graphCommitId");
    }
}
