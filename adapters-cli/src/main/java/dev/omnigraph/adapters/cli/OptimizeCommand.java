package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.OptimizeGraphCommand;
import dev.omnigraph.ports.in.OptimizeGraphResult;
import dev.omnigraph.ports.in.OptimizeGraphResult.TableOptimization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {"Compact small files in every node and edge table of main and publish the compacted versions "
                + "as one commit (none when nothing changed); then compact the graph manifest.",
            "Non-destructive: no version is removed (that is cleanup). Refused while an interrupted write is pending "
                + "recovery; a table whose storage moved past its published version is skipped (run repair)."})
final class OptimizeCommand extends CommandSupport implements Callable<Integer> {

    @Mixin
    MaintenanceTarget target;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String graph = maintenanceGraph(target);
        OptimizeGraphResult result = services().optimize().optimizeGraph(new OptimizeGraphCommand(graph));
        if (json) {
            List<JsonValue> datasets = new ArrayList<>();
            for (TableOptimization table : result.tables()) {
                datasets.add(JsonObject.builder()
                        .put("type_key", table.tableKey())
                        .put("fragments_removed", table.filesRemoved())
                        .put("fragments_added", table.filesAdded())
                        .put("committed", table.committed())
                        .put("skipped", MaintenanceOutput.orNull(table.skipped().map(reason -> reason.jsonName())))
                        .put("published_dataset_version", MaintenanceOutput.orNull(table.publishedVersion()))
                        .put("lance_head_version", MaintenanceOutput.orNull(table.headVersion()))
                        .put("pending_indexes", new JsonArray(List.of()))
                        .build());
            }
            printJson(JsonObject.builder().put("uri", graph).put("datasets", new JsonArray(datasets)).build());
            return 0;
        }
        out().printf("optimize %s — %d datasets%n", graph, result.tables().size());
        for (TableOptimization table : result.tables()) {
            String subject = MaintenanceOutput.subject(table.tableKey());
            if (table.skipped().isPresent()) {
                out().printf("  %-40s skipped (%s)%n", subject, table.skipped().get().description());
            } else if (table.committed()) {
                out().printf("  %-40s frags %d → %d ✓%n", subject, table.filesRemoved(), table.filesAdded());
            } else {
                out().printf("  %-40s no-op%n", subject);
            }
        }
        result.commitId().ifPresent(id -> out().printf("published as commit %s%n", id));
        out().flush();
        return 0;
    }
}
