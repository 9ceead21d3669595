package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/** @param graphUri the graph to compact */
public record OptimizeGraphCommand(String graphUri) {
    public OptimizeGraphCommand {
        Arguments.requireText(graphUri, "graph URI");
    }
}
