package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.RepairGraphCommand;
import dev.omnigraph.ports.in.RepairGraphResult;
import dev.omnigraph.ports.in.RepairGraphResult.TableRepair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Classify tables of main whose storage moved past their published version with no recovery "
                + "record, and with --confirm publish what is safe.",
            "Preview by default. --confirm publishes drift that only reorganised storage; --force --confirm also "
                + "publishes drift that may have changed rows (review first). Never rewrites data.",
            "Exit code 1 when drift was refused (after printing the report)."})
final class RepairCommand extends CommandSupport implements Callable<Integer> {

    @Mixin
    MaintenanceTarget target;

    @Option(names = "--confirm", description = "Publish verified maintenance drift (otherwise only report).")
    boolean confirm;

    @Option(names = "--force", description = "With --confirm: also publish suspicious or unverifiable drift.")
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String graph = maintenanceGraph(target);
        if (force && !confirm) {
            throw new CommandLine.ParameterException(spec.commandLine(), "repair --force requires --confirm");
        }
        RepairGraphResult result = services().repair().repairGraph(new RepairGraphCommand(graph, confirm, force));
        if (json) {
            List<JsonValue> datasets = new ArrayList<>();
            for (TableRepair table : result.tables()) {
                datasets.add(JsonObject.builder()
                        .put("type_key", table.tableKey())
                        .put("published_dataset_version", table.publishedVersion())
                        .put("lance_head_version", table.headVersion())
                        .put("classification", table.classification().jsonName())
                        .put("action", table.action().jsonName())
                        .put("operations", JsonArray.ofStrings(table.operations()))
                        .put("error", MaintenanceOutput.orNull(table.error()))
                        .build());
            }
            printJson(JsonObject.builder()
                    .put("uri", graph)
                    .put("confirm", confirm)
                    .put("force", force)
                    .put("graph_manifest_version", MaintenanceOutput.orNull(result.graphManifestVersion()))
                    .put("datasets", new JsonArray(datasets))
                    .build());
        } else {
            out().printf("repair %s — %s mode, %d datasets%n", graph, confirm ? "confirm" : "preview", result.tables().size());
            for (TableRepair table : result.tables()) {
                String drift = table.publishedVersion() == table.headVersion() ? Long.toString(table.publishedVersion())
                        : table.publishedVersion() + " → " + table.headVersion();
                String operations = table.operations().isEmpty() ? "" : " [" + String.join(", ", table.operations()) + "]";
                String error = table.error().map(e -> " (" + e + ")").orElse("");
                out().printf("  %-40s %-12s %-22s %s%s%s%n", MaintenanceOutput.subject(table.tableKey()),
                        table.action().jsonName(), table.classification().jsonName(), drift, operations, error);
            }
            if (!confirm) {
                out().println("rerun with --confirm to publish verified maintenance drift");
            }
        }
        out().flush();
        long refused = result.refusedCount();
        if (refused > 0) {
            err().println("omnigraph: error: repair refused " + refused + " suspicious or unverifiable dataset(s); review "
                    + "the preview output and rerun with --force --confirm only if publishing that drift is intentional");
            err().flush();
            return OmnigraphCli.EXIT_FAILURE;
        }
        return 0;
    }
}
