package dev.omnigraph.ports.in;

/** One commit by id, looked up from the given branch's history. */
public record CommitQuery(String graphUri, String branch, String commitId) {
    public CommitQuery {
        Commands.requireText(graphUri, "graph URI");
        Commands.requireText(branch, "branch");
        Commands.requireText(commitId, "commit id");
    }
}
