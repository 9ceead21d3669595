package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.ports.in.InitGraphCommand;
import dev.omnigraph.ports.in.InitGraphResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a new, empty graph from a schema. Refuses a location that already holds a graph,",
            "and a graph of a cluster's layout (<root>/graphs/<id>.omni): `cluster apply` creates those."})
final class InitCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--schema", required = true, paramLabel = "FILE.pg", description = "The schema.")
    String schema;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URI", description = "Where to create the graph (path, file://, s3://, az://).")
    String uri;

    @Option(names = "--store", paramLabel = "URI", description = "The graph location (alternative to URI).")
    String store;

    @Option(names = "--as", paramLabel = "ACTOR", description = "Record this actor on the genesis commit.")
    String actor;

    @Option(names = "--force", description = {"Replace orphan schema files an interrupted init left behind.",
        "Never replaces an existing graph (a root with __manifest), nor a claim (__init_claim.json) of another init."})
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String graph = graphUri(uri, store);
        refuseClusterManagedGraph(graph, "Graphs in a cluster are created by `cluster apply` (which records ledger, "
                + "recovery, and approvals), not `init`. Declare the graph in cluster.yaml and run `cluster apply`.");
        String source = readFile(schema, "schema");
        InitGraphResult result = services().init().initGraph(
                new InitGraphCommand(graph, schema, source, Optional.ofNullable(actor), force));
        if (json) {
            printJson(JsonObject.builder()
                    .put("uri", result.graphUri())
                    .put("graph_commit_id", result.commitId())
                    .put("snapshot_id", result.snapshotId())
                    .put("node_types", JsonArray.ofStrings(result.nodeTypes()))
                    .put("edge_types", JsonArray.ofStrings(result.edgeTypes()))
                    .build());
        } else {
            out().printf("initialized graph at %s: %d node types, %d edge types (commit %s)%n", result.graphUri(),
                    result.nodeTypes().size(), result.edgeTypes().size(), result.commitId());
        }
        return 0;
    }
}
