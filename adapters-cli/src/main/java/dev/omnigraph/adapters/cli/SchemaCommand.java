package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.lang.Diagnostic;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.schema.migration.MigrationPlan;
import dev.omnigraph.ports.in.ApplySchemaCommand;
import dev.omnigraph.ports.in.ApplySchemaResult;
import dev.omnigraph.ports.in.CheckSchemaCommand;
import dev.omnigraph.ports.in.CheckSchemaResult;
import dev.omnigraph.ports.in.PlanSchemaCommand;
import dev.omnigraph.ports.in.PlanSchemaResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Check schemas, plan schema migrations and apply them to a graph.",
        subcommands = {SchemaCommand.Check.class, SchemaCommand.Plan.class, SchemaCommand.Apply.class})
final class SchemaCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate a .pg schema on its own.", "Exit code 1 when it has errors."})
    static final class Check extends CommandSupport implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE.pg", description = "The schema.")
        String file;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            CheckSchemaResult result = services().checkSchema().checkSchema(new CheckSchemaCommand(file, readFile(file, "schema")));
            if (json) {
                List<JsonValue> diagnostics = new ArrayList<>();
                for (Diagnostic diagnostic : result.diagnostics()) {
                    JsonObject.Builder item = JsonObject.builder()
                            .put("code", diagnostic.code())
                            .put("severity", diagnostic.severity().label())
                            .put("message", diagnostic.message());
                    if (diagnostic.hasSpan()) {
                        item.put("file", diagnostic.span().file()).put("line", diagnostic.span().line())
                                .put("column", diagnostic.span().column());
                    }
                    diagnostics.add(item.build());
                }
                printJson(JsonObject.builder()
                        .put("status", result.ok() ? "ok" : "error")
                        .put("schema_path", result.schemaPath())
                        .put("interfaces", JsonArray.ofStrings(result.interfaces()))
                        .put("node_types", JsonArray.ofStrings(result.nodeTypes()))
                        .put("edge_types", JsonArray.ofStrings(result.edgeTypes()))
                        .put("diagnostics", new JsonArray(diagnostics))
                        .build());
            } else if (result.ok()) {
                out().printf("%s: ok (%d interfaces, %d node types, %d edge types)%n", result.schemaPath(),
                        result.interfaces().size(), result.nodeTypes().size(), result.edgeTypes().size());
            } else {
                result.rendered().forEach(err()::println);
                err().printf("%s: %d error(s)%n", result.schemaPath(), result.diagnostics().size());
            }
            return result.ok() ? 0 : 1;
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = {"Plan the migration to a new schema without writing anything:",
                "from an old .pg file (--from, offline) or from a graph's accepted schema (URI).",
                "Exit code 1 when the plan is unsupported."})
    static final class Plan extends CommandSupport implements Callable<Integer> {
        @Option(names = "--schema", required = true, paramLabel = "NEW.pg", description = "The desired schema.")
        String schema;

        @Option(names = "--from", paramLabel = "OLD.pg", description = "Plan from this schema file instead of a graph.")
        String from;

        @Parameters(index = "0", arity = "0..1", paramLabel = "URI", description = "The graph to plan against.")
        String uri;

        @Option(names = "--store", paramLabel = "URI", description = "The graph (alternative to URI).")
        String store;

        @Option(names = "--allow-data-loss", description = "Plan every drop as a hard (irreversible) drop.")
        boolean allowDataLoss;

        @Option(names = "--json", description = "Print the plan as JSON ({supported, steps}).")
        boolean json;

        @Override
        public Integer call() {
            if (from != null && (uri != null || store != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "give either --from OLD.pg or a graph URI, not both");
            }
            Optional<String> graph = from != null ? Optional.empty() : Optional.of(graphUri(uri, store));
            PlanSchemaResult result = services().planSchema().planSchema(new PlanSchemaCommand(Optional.ofNullable(from),
                    Optional.ofNullable(from).map(path -> readFile(path, "schema")), graph, schema,
                    readFile(schema, "schema"), allowDataLoss));
            MigrationPlan plan = result.plan();
            if (json) {
                printJson(plan.toJson());
            } else {
                out().printf("plan %s -> %s: %s, %d step(s)%n", result.base(), result.target(),
                        plan.supported() ? "supported" : "UNSUPPORTED", plan.steps().size());
                plan.steps().forEach(step -> out().println("  " + JsonWriter.compact(step.toJson())));
            }
            return plan.supported() ? 0 : 1;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Migrate a graph to a new schema as one commit on main.",
                "Refused while branches other than main exist, and for unsupported changes (see schema plan);",
                "refused for a graph of a cluster's layout (<root>/graphs/<id>.omni): `cluster apply` migrates those.",
                "Drops are soft (old snapshots keep the data) unless --allow-data-loss."})
    static final class Apply extends CommandSupport implements Callable<Integer> {
        @Option(names = "--schema", required = true, paramLabel = "NEW.pg", description = "The desired schema.")
        String schema;

        @Parameters(index = "0", arity = "0..1", paramLabel = "URI", description = "The graph.")
        String uri;

        @Option(names = "--store", paramLabel = "URI", description = "The graph (alternative to URI).")
        String store;

        @Option(names = "--allow-data-loss",
                description = "Make every drop hard: old versions of the affected tables are reclaimed (irreversible).")
        boolean allowDataLoss;

        @Option(names = "--as", paramLabel = "ACTOR", description = "Record this actor on the commit.")
        String actor;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            String graph = graphUri(uri, store);
            refuseClusterManagedGraph(graph, "A graph in a cluster evolves via `cluster apply` (which records ledger, "
                    + "recovery, and approvals), not `schema apply`. Update the schema in cluster.yaml and run "
                    + "`cluster apply`.");
            ApplySchemaResult result = services().applySchema().applySchema(new ApplySchemaCommand(graph, schema,
                    readFile(schema, "schema"), allowDataLoss, Optional.ofNullable(actor)));
            MigrationPlan plan = result.plan();
            if (json) {
                printJson(JsonObject.builder()
                        .put("uri", graph)
                        .put("supported", result.supported())
                        .put("applied", result.applied())
                        .put("step_count", plan.steps().size())
                        .put("graph_manifest_version", result.graphManifestVersion())
                        .put("steps", plan.toJson().get("steps"))
                        .put("graph_commit_id", result.commitId().<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue()))
                        .put("snapshot_id", result.snapshotId())
                        .build());
                return 0;
            }
            out().printf("schema apply for %s%n", graph);
            out().printf("supported: %s%n", result.supported() ? "yes" : "no");
            out().printf("applied: %s%n", result.applied() ? "yes" : "no");
            out().printf("graph_manifest_version: %d%n", result.graphManifestVersion());
            if (plan.isEmpty()) {
                out().println("no schema changes");
            } else {
                plan.steps().forEach(step -> out().println("- " + JsonWriter.compact(step.toJson())));
            }
            result.commitId().ifPresent(commit -> out().printf("commit %s (%s)%n", commit, result.snapshotId()));
            out().flush();
            return 0;
        }
    }
}
