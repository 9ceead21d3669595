package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.CommitListQuery;
import dev.omnigraph.ports.in.CommitListResult;
import dev.omnigraph.ports.in.CommitQuery;
import dev.omnigraph.ports.in.CommitResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "commit", mixinStandardHelpOptions = true, description = "Inspect graph commits.",
        subcommands = {CommitCommand.ListCommits.class, CommitCommand.ShowCommit.class})
final class CommitCommand {

    /** The reference's CommitOutput. */
    static JsonObject toJson(CommitResult commit) {
        return JsonObject.builder()
                .put("graph_commit_id", commit.graphCommitId())
                .put("graph_manifest_version", commit.manifestVersion())
                .put("graph_branch", commit.branch())
                .put("parent_commit_id", optional(commit.parentCommitId()))
                .put("merged_parent_commit_id", optional(commit.mergedParentCommitId()))
                .put("actor_id", optional(commit.actorId()))
                .put("created_at", commit.createdAtMicros())
                .build();
    }

    private static JsonValue optional(Optional<String> value) {
        return value.<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue());
    }

    static String human(CommitResult commit) {
        Instant at = Instant.ofEpochSecond(commit.createdAtMicros() / 1_000_000, (commit.createdAtMicros() % 1_000_000) * 1_000);
        return String.format("%s  v%-5d %s  %s%s", commit.graphCommitId(), commit.manifestVersion(), at,
                commit.actorId().orElse("-"), commit.parentCommitId().isEmpty() ? "  (genesis)" : "");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a branch's commits, newest first.")
    static final class ListCommits extends CommandSupport implements Callable<Integer> {
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
            CommitListResult result = services().describe().listCommits(new CommitListQuery(graphUri(uri, store), branch));
            if (json) {
                List<JsonValue> commits = new ArrayList<>();
                result.commits().forEach(c -> commits.add(toJson(c)));
                printJson(JsonObject.builder().put("commits", new JsonArray(commits)).build());
            } else {
                result.commits().forEach(c -> out().println(human(c)));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one commit.")
    static final class ShowCommit extends CommandSupport implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "COMMIT_ID", description = "The commit id.")
        String commitId;

        @Parameters(index = "1", arity = "0..1", paramLabel = "URI", description = "The graph.")
        String uri;

        @Option(names = "--store", paramLabel = "URI", description = "The graph (alternative to URI).")
        String store;

        @Option(names = "--branch", defaultValue = "main", paramLabel = "BRANCH", description = "Branch whose history holds it.")
        String branch;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        @Override
        public Integer call() {
            CommitResult commit = services().describe().showCommit(new CommitQuery(graphUri(uri, store), branch, commitId));
            if (json) {
                printJson(toJson(commit));
            } else {
                out().println(human(commit));
            }
            return 0;
        }
    }
}
