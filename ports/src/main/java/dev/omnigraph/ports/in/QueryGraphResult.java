package dev.omnigraph.ports.in;

import dev.omnigraph.domain.query.result.QueryResult;
import java.util.Optional;

/**
 * @param queryName the query that ran
 * @param snapshotId the snapshot it read
 * @param headCommitId the head commit of that snapshot (the id for conditional writes)
 * @param result columns and rows (JSON rendering: {@code result.toJson()})
 */
public record QueryGraphResult(String queryName, String snapshotId, Optional<String> headCommitId, QueryResult result) {}
