package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.ManageBranchesUseCase.BranchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "branch", mixinStandardHelpOptions = true, description = "Create, list and delete graph branches.",
        subcommands = {BranchCommand.Create.class, BranchCommand.ListBranches.class, BranchCommand.Delete.class})
final class BranchCommand {

    /** Options every branch verb takes. */
    abstract static class BranchVerb extends CommandSupport {
        @Option(names = {"--uri", "--store"}, paramLabel = "URI", required = true, description = "The graph.")
        String uri;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a branch from the latest snapshot of another (tables fork on their first write).")
    static final class Create extends BranchVerb implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The new branch.")
        String name;

        @Option(names = "--from", defaultValue = "main", paramLabel = "BRANCH", description = "The source branch (default: main).")
        String from;

        @Option(names = "--as", paramLabel = "ACTOR", description = "The actor, for the log.")
        String actor;

        @Override
        public Integer call() {
            BranchResult created = services().branches().createBranch(graphUri(uri, null), name, from, Optional.ofNullable(actor));
            if (json) {
                printJson(JsonObject.builder().put("uri", uri).put("name", created.name()).put("from", from)
                        .put("actor_id", Optional.ofNullable(actor).<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue()))
                        .build());
            } else {
                out().printf("created branch %s from %s (head %s)%n", created.name(), from, created.headCommitId().orElse("none"));
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the graph's branches.")
    static final class ListBranches extends BranchVerb implements Callable<Integer> {
        @Override
        public Integer call() {
            List<BranchResult> branches = services().branches().listBranches(graphUri(uri, null));
            if (json) {
                List<String> names = new ArrayList<>();
                branches.forEach(b -> names.add(b.name()));
                printJson(JsonObject.builder().put("branches", JsonArray.ofStrings(names)).build());
            } else {
                for (BranchResult branch : branches) {
                    out().printf("%s\t%s\t%s%n", branch.name(), branch.headCommitId().orElse("-"), branch.snapshotId());
                }
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a branch (refused for main and while branches created from it exist).")
    static final class Delete extends BranchVerb implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The branch to delete.")
        String name;

        @Option(names = "--as", paramLabel = "ACTOR", description = "The actor, for the log.")
        String actor;

        @Option(names = "--yes", description = "Consent to deleting a branch of a graph that is not on local disk.")
        boolean yes;

        @Override
        public Integer call() {
            confirmDestructive("branch delete", graphUri(uri, null), yes, json);
            services().branches().deleteBranch(graphUri(uri, null), name, Optional.ofNullable(actor));
            if (json) {
                printJson(JsonObject.builder().put("uri", uri).put("name", name)
                        .put("actor_id", Optional.ofNullable(actor).<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue()))
                        .build());
            } else {
                out().printf("deleted branch %s%n", name);
            }
            out().flush();
            return 0;
        }
    }
}
