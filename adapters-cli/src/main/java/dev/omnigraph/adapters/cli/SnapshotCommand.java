package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.graph.TableKind;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.SnapshotQuery;
import dev.omnigraph.ports.in.SnapshotResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Show a branch's current snapshot: its manifest version, head commit and every type's version and size.")
final class SnapshotCommand extends CommandSupport implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "URI", description = "The graph.")
    String uri;

    @Option(names = "--store", paramLabel = "URI", description = "The graph (alternative to URI).")
    String store;

    @Option(names = "--branch", defaultValue = "main", paramLabel = "BRANCH", description = "Branch (default: main).")
    String branch;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        SnapshotResult result = services().describe().snapshot(new SnapshotQuery(graphUri(uri, store), branch));
        if (json) {
            List<JsonValue> types = new ArrayList<>();
            for (SnapshotResult.Table table : result.tables()) {
                types.add(JsonObject.builder()
                        .put("type_name", TableKind.typeNameOf(table.tableKey()))
                        .put("entity_kind", TableKind.ofTableKey(table.tableKey()) == TableKind.NODE ? "node" : "edge")
                        .put("published_dataset_version", table.tableVersion())
                        .put("entity_count", table.rowCount())
                        .build());
            }
            printJson(JsonObject.builder()
                    .put("graph_branch", result.branch())
                    .put("graph_manifest_version", result.manifestVersion())
                    .put("snapshot_id", result.snapshotId())
                    .put("head_commit_id", result.headCommitId().<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue()))
                    .put("datasets", new JsonArray(types))
                    .build());
        } else {
            out().printf("%s (head %s)%n", result.snapshotId(), result.headCommitId().orElse("none"));
            for (SnapshotResult.Table table : result.tables()) {
                out().printf("  %-40s v%-6d %d%n", table.tableKey(), table.tableVersion(), table.rowCount());
            }
        }
        return 0;
    }
}
