package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.graph.maintenance.CleanupPolicy;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.CleanUpGraphCommand;
import dev.omnigraph.ports.in.CleanUpGraphResult;
import dev.omnigraph.ports.in.CleanUpGraphResult.TableCleanup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = {"Remove old versions of the graph manifest and of every node and edge table (destructive, "
                + "irreversible); time travel to them then answers historical_version_reclaimed.",
            "At least one of --keep and --older-than is required; with both, a version goes only if both would remove "
                + "it. The newest version, and every version a remaining snapshot or a live branch reads, is kept. "
                + "Without --confirm nothing is removed and the policy is shown."})
final class CleanupCommand extends CommandSupport implements Callable<Integer> {

    @Mixin
    MaintenanceTarget target;

    @Option(names = "--keep", paramLabel = "N", description = "Keep the newest N versions of each table (10 is a safe choice).")
    Long keep;

    @Option(names = "--older-than", paramLabel = "AGE",
            description = "Remove only versions older than AGE: a number with unit s, m, h, d or w (7d, 24h, 90m).")
    String olderThan;

    @Option(names = "--yes", description = "Consent to removing versions of a graph that is not on local disk.")
    boolean yes;

    @Option(names = "--confirm", description = "Required to actually remove versions.")
    boolean confirm;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String graph = maintenanceGraph(target);
        CleanupPolicy policy;
        try {
            Optional<Duration> age = olderThan == null ? Optional.empty() : Optional.of(CleanupPolicy.parseAge(olderThan));
            policy = new CleanupPolicy(keep == null ? OptionalLong.empty() : OptionalLong.of(keep), age);
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(spec.commandLine(), invalid.getMessage());
        }
        if (!confirm) {
            err().println("cleanup is destructive — rerun with --confirm. Policy for " + graph + ": " + policy.describe());
            err().flush();
            return 0;
        }
        confirmDestructive("cleanup", graph, yes, json);
        CleanUpGraphResult result = services().cleanUp().cleanUpGraph(new CleanUpGraphCommand(graph, policy));
        if (json) {
            List<JsonValue> datasets = new ArrayList<>();
            for (TableCleanup table : result.tables()) {
                datasets.add(JsonObject.builder()
                        .put("type_key", table.tableKey())
                        .put("bytes_removed", table.bytesRemoved())
                        .put("old_versions_removed", table.versionsRemoved())
                        .put("error", MaintenanceOutput.orNull(table.error()))
                        .build());
            }
            printJson(JsonObject.builder()
                    .put("uri", graph)
                    .put("keep_versions", MaintenanceOutput.orNull(policy.keepVersions()))
                    .put("older_than_secs", policy.olderThan().<JsonValue>map(d -> JsonValue.of(d.getSeconds()))
                            .orElse(JsonValue.nullValue()))
                    .put("datasets", new JsonArray(datasets))
                    .build());
        } else {
            List<TableCleanup> failed = result.failed();
            out().printf("cleanup %s (%s) — removed %d versions (%d bytes) across %d datasets%n", graph, policy.describe(),
                    result.versionsRemoved(), result.bytesRemoved(), result.tables().size() - failed.size());
            if (!failed.isEmpty()) {
                out().printf("  %d dataset(s) failed and will be retried on the next cleanup: %s%n", failed.size(),
                        String.join(", ", failed.stream().map(t -> MaintenanceOutput.subject(t.tableKey())).toList()));
            }
            if (!result.reclaimedForks().isEmpty()) {
                out().printf("  reclaimed orphaned table forks: %s%n", String.join(", ", result.reclaimedForks()));
            }
        }
        out().flush();
        return 0;
    }
}
