package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.MutateGraphCommand;
import dev.omnigraph.ports.in.MutateGraphResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "mutate", aliases = "change", mixinStandardHelpOptions = true,
        description = {"Run a mutation query (insert, update, delete) on a branch and publish it as one commit.",
            "The query comes from --query FILE.gq (NAME selects one of its queries) or -e '<query text>'.",
            "Exit code 4: --if-commit was given and the branch head had moved (nothing was written)."})
final class MutateCommand extends CommandSupport implements Callable<Integer> {

    @Mixin
    QuerySourceOptions query;

    @Option(names = "--branch", defaultValue = "main", paramLabel = "BRANCH", description = "Branch to change (default: main).")
    String branch;

    @Option(names = "--if-commit", paramLabel = "COMMIT_ID",
            description = "Write only if this is still the branch's head commit (exit 4 otherwise).")
    String ifCommit;

    @Option(names = "--as", paramLabel = "ACTOR", description = "Record this actor on the commit.")
    String actor;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        String source = query.source(this, "mutation");
        String paramsJson = query.paramsJson(this);
        MutateGraphResult result;
        try {
            result = services().mutate().mutateGraph(new MutateGraphCommand(graphUri(null, query.store), branch,
                    query.sourceName(), source, query.queryName(), paramsJson,
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
