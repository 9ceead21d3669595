package dev.omnigraph.ports.in;

/** Read-only facts about a graph: its current snapshot and its commit history. */
public interface DescribeGraphUseCase {

    SnapshotResult snapshot(SnapshotQuery query);

    CommitListResult listCommits(CommitListQuery query);

    CommitResult showCommit(CommitQuery query);
}
