package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.MutateGraphResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mutate", aliases = "change", mixinStandardHelpOptions = true,
        description = {"Run a mutation query (insert, update, delete) on a branch and publish it as one commit.",
            "The query comes from --query FILE.gq (NAME selects one of its queries) or -e '<query text>'.",
            "Exit code 4: --if-commit was given and the branch head had moved (nothing was written)."})
final class MutateCommand extends CommandSupport implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The mutation to run (optional when the source has one).")
    String name;

    @Option(names = "--query", paramLabel = "FILE.gq", description = "The query file.")
    String queryFile;

    @Option(names = {"-e", "--query-string"}, paramLabel = "GQ", description = "The query text.")
    String queryString;

    @Option(names = "--params", defaultValue = "{}", paramLabel = "JSON", description = "Parameters as a JSON object.")
    String params;

    @Option(names = "--params-file", paramLabel = "FILE.json", description = "Parameters from a JSON file.")
    String paramsFile;

    @Option(names = "--branch", defaultValue = "main", paramLabel = "BRANCH", description = "Branch to change (default: main).")
    String branch;

    @Option(names = "--if-commit", paramLabel = "COMMIT_ID",
            description = "Write only if this is still the branch's head commit (exit 4 otherwise).")
    String ifCommit;

    @Option(names = "--as", paramLabel = "ACTOR", description = "Record this actor on the commit.")
    String actor;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--store", paramLabel = "URI", description = "The graph.")
    String store;

    @Override
    public Integer call() {
        if ((queryFile == null) == (queryString == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give the mutation with --query FILE.gq or -e '<query>' (stored queries need a server)");
        }
        String source = queryFile != null ? readFile(queryFile, "query") : queryString;
        String paramsJson = paramsFile != null ? readFile(paramsFile, "params") : params;
        MutateGraphResult result;
        try {
            result = services().mutate().mutateGraph(new MutateGraphCommand(graphUri(null, store), branch,
                    queryFile != null ? queryFile : "-e", source, Optional.ofNullable(name), paramsJson,
                    Optional.ofNullable(ifCommit), Optional.ofNullable(actor)));
        } catch (GraphEngineException failure) {
            if (json && failure.kind() == GraphErrorKind.PRECONDITION_FAILED) {
                printJson(JsonObject.builder()
                        .put("error", failure.getMessage())
                        .put("precondition_failure", JsonObject.builder().put("expected", ifCommit).build())
                        .build());
                return OmnigraphCli.EXIT_PRECONDITION_FAILED;
            }
            throw failure;
        }
        if (json) {
            printJson(JsonObject.builder()
                    .put("query_name", result.queryName())
                    .put("branch", result.branch())
                    .put("affected_nodes", result.affectedNodes())
                    .put("affected_edges", result.affectedEdges())
                    .put("actor_id", Optional.ofNullable(actor).<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue()))
                    .put("graph_commit_id", result.commitId().<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue()))
                    .put("snapshot_id", result.snapshotId())
                    .build());
        } else {
            out().printf("%s: %d node(s), %d edge(s) affected; %s%n", result.queryName(), result.affectedNodes(),
                    result.affectedEdges(), result.commitId().map(id -> "commit " + id).orElse("nothing to publish"));
        }
        out().flush();
        return 0;
    }
}
