package dev.omnigraph.ports.in;

/** The commits reachable from a branch head, newest first. */
public record CommitListQuery(String graphUri, String branch) {
    public CommitListQuery {
        Commands.requireText(graphUri, "graph URI");
        Commands.requireText(branch, "branch");
    }
}
