package dev.omnigraph.adapters.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How a storage-plane maintenance command ({@code optimize}, {@code repair}, {@code cleanup}) names its graph:
 * a URI (positional or {@code --store}), or a cluster and, when it has several graphs, one of its applied graph
 * ids (cluster notes §2.8). See {@link CommandSupport#maintenanceGraph}.
 */
final class MaintenanceTarget {

    @Parameters(index = "0", arity = "0..1", paramLabel = "URI", description = "The graph.")
    String uri;

    @Option(names = "--store", paramLabel = "URI", description = "The graph (alternative to URI).")
    String store;

    @Option(names = "--cluster", paramLabel = "DIR|URI|NAME", description = {"A cluster (its config directory, its storage root URI, or a name from `clusters:` in "
            + "the operator config): the graph is resolved from the applied ledger alone, so this works on a degraded "
            + "cluster."})
    String cluster;

    @Option(names = "--graph", paramLabel = "ID", description = "With --cluster: the applied graph (needed when the "
            + "cluster has several).")
    String graph;
}
