package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.query.descriptor.StoredQueryDescriptor;
import dev.omnigraph.domain.query.descriptor.StoredQueryDescriptor.ParamDescriptor;
import dev.omnigraph.ports.in.StoredQueriesCheckResult;
import dev.omnigraph.ports.in.StoredQueriesCheckResult.Issue;
import dev.omnigraph.ports.in.StoredQueriesQuery;
import dev.omnigraph.ports.in.StoredQueriesResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "queries", mixinStandardHelpOptions = true,
        description = {"Inspect the stored queries a cluster serves, from its serving snapshot (what a server would",
            "load, digest-verified), never from the files next to cluster.yaml."},
        subcommands = {QueriesCommand.ListQueries.class, QueriesCommand.Validate.class})
final class QueriesCommand {

    /** Options both verbs take. */
    abstract static class QueriesVerb extends CommandSupport {
        @Option(names = "--cluster", required = true, paramLabel = "DIR|URI|NAME",
                description = "The cluster: its config directory, its storage root URI, or a name from `clusters:` in the operator config.")
        String cluster;

        @Option(names = "--graph", paramLabel = "ID", description = "Only this graph's stored queries.")
        String graph;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        StoredQueriesQuery query() {
            return new StoredQueriesQuery(clusterLocation(cluster), Optional.ofNullable(graph));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the stored queries: kind, name, typed parameters and annotations.")
    static final class ListQueries extends QueriesVerb implements Callable<Integer> {
        @Override
        public Integer call() {
            StoredQueriesResult result = services().storedQueries().listStoredQueries(query());
            if (result.refusal().isPresent()) {
                throw new CommandRefusedException(result.refusal().get());
            }
            if (json) {
                printJson(JsonObject.builder().put("queries", new JsonArray(result.queries().stream()
                        .<JsonValue>map(ListQueries::entry).toList())).build());
                return 0;
            }
            if (result.queries().isEmpty()) {
                out().println("(no stored queries registered)");
            }
            boolean severalGraphs = result.queries().stream().map(StoredQueriesResult.Listed::graphId).distinct().count() > 1;
            for (StoredQueriesResult.Listed listed : result.queries()) {
                StoredQueryDescriptor query = listed.descriptor();
                String params = query.params().stream()
                        .map(p -> "$" + p.name() + ": " + p.typeName() + (p.nullable() ? "?" : ""))
                        .collect(Collectors.joining(", "));
                out().printf("%s  %s%s(%s)%n", query.kind().wireName(), severalGraphs ? listed.graphId() + "." : "",
                        query.name(), params);
                query.description().ifPresent(text -> annotation("description", text));
                query.instruction().ifPresent(text -> annotation("instruction", text));
            }
            out().flush();
            return 0;
        }

        /** The reference's list entry, plus the graph it belongs to. */
        private static JsonObject entry(StoredQueriesResult.Listed listed) {
            StoredQueryDescriptor query = listed.descriptor();
            JsonObject.Builder json = JsonObject.builder()
                    .put("name", query.name())
                    .put("graph_id", listed.graphId())
                    .put("mcp_expose", false)
                    .put("tool_name", JsonValue.nullValue())
                    .put("mutation", query.kind() == StoredQueryDescriptor.Kind.MUTATION);
            query.description().ifPresent(text -> json.put("description", text));
            query.instruction().ifPresent(text -> json.put("instruction", text));
            List<JsonValue> params = query.params().stream().<JsonValue>map(ListQueries::param).toList();
            return json.put("params", new JsonArray(params)).build();
        }

        private static JsonObject param(ParamDescriptor param) {
            return JsonObject.builder().put("name", param.name()).put("type", param.typeName())
                    .put("nullable", param.nullable()).build();
        }

        /** A multi-line annotation keeps its continuation lines aligned under the first. */
        private void annotation(String label, String value) {
            String prefix = "    " + label + ": ";
            String[] lines = value.split("\n", -1);
            out().println(prefix + lines[0]);
            for (int i = 1; i < lines.length; i++) {
                out().println(" ".repeat(prefix.length()) + lines[i]);
            }
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Type-check every stored query against its graph's applied schema, as a server does when it",
                "boots (a query that no longer compiles quarantines its graph there). Exit 1 when any is broken."})
    static final class Validate extends QueriesVerb implements Callable<Integer> {
        @Override
        public Integer call() {
            StoredQueriesCheckResult result = services().storedQueries().validateStoredQueries(query());
            if (result.refusal().isPresent()) {
                throw new CommandRefusedException(result.refusal().get());
            }
            if (json) {
                printJson(JsonObject.builder()
                        .put("ok", result.ok())
                        .put("breakages", issues(result.breakages()))
                        .put("warnings", issues(result.warnings()))
                        .build());
            } else {
                if (result.breakages().isEmpty()) {
                    out().printf("OK  %d stored quer%s type-check against the schema%n", result.checked(),
                            result.checked() == 1 ? "y" : "ies");
                }
                result.breakages().forEach(issue -> out().printf("ERROR  query '%s': %s%n", issue.query(), issue.message()));
                result.warnings().forEach(issue -> out().printf("WARN   query '%s': %s%n", issue.query(), issue.message()));
            }
            out().flush();
            return result.ok() ? 0 : 1;
        }

        private static JsonArray issues(List<Issue> issues) {
            return new JsonArray(issues.stream().<JsonValue>map(issue -> JsonObject.builder()
                    .put("query", issue.query()).put("graph_id", issue.graphId()).put("message", issue.message())
                    .build()).toList());
        }
    }
}
