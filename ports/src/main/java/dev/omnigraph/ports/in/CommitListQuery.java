package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/** The commits reachable from a branch head, newest first. */
public record CommitListQuery(String graphUri, String branch) {
    public CommitListQuery {
        Arguments.requireText(graphUri, "graph URI");
        Arguments.requireText(branch, "branch");
    }
}
