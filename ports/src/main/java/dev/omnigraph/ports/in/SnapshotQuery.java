package dev.omnigraph.ports.in;

/** The latest snapshot of a branch. */
public record SnapshotQuery(String graphUri, String branch) {
    public SnapshotQuery {
        Commands.requireText(graphUri, "graph URI");
        Commands.requireText(branch, "branch");
    }
}
