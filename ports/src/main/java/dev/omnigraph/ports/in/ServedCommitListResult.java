package dev.omnigraph.ports.in;

import java.util.List;

/** The reference's {@code CommitListOutput}, newest first. */
public record ServedCommitListResult(List<CommitResult> commits) {
    public ServedCommitListResult {
        commits = List.copyOf(commits);
    }
}
