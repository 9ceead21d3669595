package dev.omnigraph.ports.in;

import java.util.Objects;
import java.util.Optional;

/**
 * @param queryName the mutation that ran
 * @param branch the branch it changed
 * @param affectedNodes nodes inserted, updated or deleted
 * @param affectedEdges edges inserted or deleted, cascaded deletions included
 * @param commitId the commit that published the change; empty when the mutation changed nothing
 * @param snapshotId the branch's snapshot after the mutation
 */
public record MutateGraphResult(String queryName, String branch, long affectedNodes, long affectedEdges,
                                Optional<String> commitId, String snapshotId) {
    public MutateGraphResult {
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(commitId, "commitId");
        Objects.requireNonNull(snapshotId, "snapshotId");
    }
}
