package dev.omnigraph.ports.in;

import java.util.List;

/** The served graphs, sorted by id; quarantined graphs are absent. */
public record ServedGraphListResult(List<Graph> graphs) {
    public ServedGraphListResult {
        graphs = List.copyOf(graphs);
    }

    /** One served graph and its storage root. */
    public record Graph(String graphId, String uri) {}
}
