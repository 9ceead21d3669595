package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/** One commit by id, looked up from the given branch's history. */
public record CommitQuery(String graphUri, String branch, String commitId) {
    public CommitQuery {
        Arguments.requireText(graphUri, "graph URI");
        Arguments.requireText(branch, "branch");
        Arguments.requireText(commitId, "commit id");
    }
}
