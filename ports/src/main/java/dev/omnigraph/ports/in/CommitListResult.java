package dev.omnigraph.ports.in;

import java.util.List;

/** Commits newest first. */
public record CommitListResult(String branch, List<CommitResult> commits) {
    public CommitListResult {
        commits = List.copyOf(commits);
    }
}
