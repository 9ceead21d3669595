package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/** The latest snapshot of a branch. */
public record SnapshotQuery(String graphUri, String branch) {
    public SnapshotQuery {
        Arguments.requireText(graphUri, "graph URI");
        Arguments.requireText(branch, "branch");
    }
}
