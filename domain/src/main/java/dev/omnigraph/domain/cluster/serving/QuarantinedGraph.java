package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.Arguments;

/**
 * A graph of the cluster that is not served while the rest of the cluster is, and why (the message of
 * the finding that quarantined it, e.g. the pending recovery sidecar naming it).
 */
public record QuarantinedGraph(String graphId, String reason) {

    public QuarantinedGraph {
        Arguments.requireText(graphId, "graph id");
        Arguments.requireText(reason, "reason");
    }
}
