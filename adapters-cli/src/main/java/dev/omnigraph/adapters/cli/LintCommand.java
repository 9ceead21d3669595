package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.query.lint.LintFinding;
import dev.omnigraph.domain.query.lint.LintQueryResult;
import dev.omnigraph.domain.query.lint.LintReport;
import dev.omnigraph.ports.in.LintQueriesCommand;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Parse, typecheck and lint a query file against a schema file or a graph's schema.",
            "Exit code 1 when any query has an error."})
final class LintCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--query", required = true, paramLabel = "FILE.gq", description = "The query file.")
    String query;

    @Option(names = "--schema", paramLabel = "FILE.pg", description = "Lint against this schema (else the graph's).")
    String schema;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URI", description = "A graph whose accepted schema to use.")
    String uri;

    @Option(names = "--store", paramLabel = "URI", description = "The graph (alternative to URI).")
    String store;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String querySource = readFile(query, "query");
        Optional<String> schemaSource = Optional.ofNullable(schema).map(path -> readFile(path, "schema"));
        Optional<String> graph = schema != null ? Optional.empty() : Optional.of(graphUri(uri, store));
        LintReport report = services().lint().lintQueries(new LintQueriesCommand(query, querySource,
                Optional.ofNullable(schema), schemaSource, graph)).report();
        if (json) {
            printJson(report.toJson());
        } else {
            for (LintQueryResult result : report.results()) {
                out().printf("%-6s %s (%s)%n", result.ok() ? "ok" : "error", result.name(), result.kind().toString().toLowerCase(java.util.Locale.ROOT));
                result.error().ifPresent(error -> out().println("  " + error.replace("\n", "\n  ")));
                result.warnings().forEach(warning -> out().println("  warning: " + warning));
            }
            for (LintFinding finding : report.findings()) {
                out().printf("%s[%s]: %s%n", finding.severity().wireName(), finding.code(), finding.message());
            }
            out().printf("%d queries, %d errors, %d warnings%n", report.queriesProcessed(), report.errors(), report.warnings());
        }
        return report.ok() ? 0 : 1;
    }
}
