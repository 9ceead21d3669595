package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import dev.omnigraph.domain.graph.maintenance.RepairDecisions;

/**
 * @param graphUri the graph
 * @param confirm publish verified maintenance drift (otherwise only report)
 * @param force also publish suspicious or unverifiable drift; requires {@code confirm}
 */
public record RepairGraphCommand(String graphUri, boolean confirm, boolean force) {
    public RepairGraphCommand {
        Arguments.requireText(graphUri, "graph URI");
        RepairDecisions.requireConfirmForForce(confirm, force);
    }
}
