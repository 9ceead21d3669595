package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.PolicyBundleQuery;
import dev.omnigraph.ports.in.PolicyBundleResult;
import dev.omnigraph.ports.in.PolicyExplainQuery;
import dev.omnigraph.ports.in.PolicyExplainResult;
import dev.omnigraph.ports.in.PolicyTestQuery;
import dev.omnigraph.ports.in.PolicyTestResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Validate, test and explain a cluster's applied Cedar policy bundle, read from its serving",
            "snapshot (exactly what a server enforces)."},
        subcommands = {PolicyCommand.Validate.class, PolicyCommand.Test.class, PolicyCommand.Explain.class})
final class PolicyCommand {

    /** Options every verb takes. */
    abstract static class PolicyVerb extends CommandSupport {
        @Option(names = "--cluster", required = true, paramLabel = "DIR|URI|NAME",
                description = "The cluster: its config directory, its storage root URI, or a name from `clusters:` in the operator config.")
        String cluster;

        @Option(names = "--graph", paramLabel = "ID",
                description = "The bundle bound to this graph (needed when the cluster has several bundles).")
        String graph;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        PolicyBundleQuery bundle() {
            return new PolicyBundleQuery(clusterLocation(cluster), Optional.ofNullable(graph));
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Read and compile the bundle.")
    static final class Validate extends PolicyVerb implements Callable<Integer> {
        @Override
        public Integer call() {
            PolicyBundleResult result = services().policy().validatePolicy(bundle());
            if (result.refusal().isPresent()) {
                throw new CommandRefusedException(result.refusal().get());
            }
            if (json) {
                printJson(JsonObject.builder().put("ok", true).put("bundle", result.bundleName().orElseThrow())
                        .put("known_actors", result.knownActors()).build());
            } else {
                out().printf("policy valid: bundle '%s' [%d actors]%n", result.bundleName().orElseThrow(),
                        result.knownActors());
                out().flush();
            }
            return 0;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run the cases of a test file against the bundle: version: 1, cases: [{id, actor, action,",
                "branch?, target_branch?, expect: allow|deny}]. Exit 1 when a case fails."})
    static final class Test extends PolicyVerb implements Callable<Integer> {
        @Option(names = "--tests", required = true, paramLabel = "FILE.yaml", description = "The test cases.")
        String tests;

        @Override
        public Integer call() {
            PolicyTestResult result = services().policy().testPolicy(new PolicyTestQuery(bundle(), tests,
                    readFile(tests, "policy test")));
            if (result.refusal().isPresent()) {
                throw new CommandRefusedException(result.refusal().get());
            }
            if (json) {
                printJson(JsonObject.builder().put("ok", result.passed())
                        .put("bundle", result.bundleName().orElseThrow())
                        .put("cases", result.cases())
                        .put("failures", JsonArray.ofStrings(result.failures()))
                        .build());
                return result.passed() ? 0 : 1;
            }
            if (!result.passed()) {
                throw new CommandRefusedException("policy tests failed:\n" + String.join("\n", result.failures()));
            }
            out().printf("policy tests passed: %d cases%n", result.cases());
            out().flush();
            return 0;
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = "Decide one request with the bundle and show which rule decided it.")
    static final class Explain extends PolicyVerb implements Callable<Integer> {
        @Option(names = "--actor", required = true, paramLabel = "ACTOR", description = "Who asks.")
        String actor;

        @Option(names = "--action", required = true, paramLabel = "ACTION",
                description = "read, export, change, schema_apply, branch_create, branch_delete, branch_merge, "
                        + "invoke_query, admin, graph_list.")
        String action;

        @Option(names = "--branch", paramLabel = "B", description = "The branch the request reads or writes.")
        String branch;

        @Option(names = "--target-branch", paramLabel = "T", description = "The branch it creates, deletes or merges into.")
        String targetBranch;

        @Override
        public Integer call() {
            PolicyExplainResult result = services().policy().explainPolicy(new PolicyExplainQuery(bundle(), actor, action,
                    Optional.ofNullable(branch), Optional.ofNullable(targetBranch)));
            if (result.refusal().isPresent()) {
                throw new CommandRefusedException(result.refusal().get());
            }
            String decision = result.allowed() ? "allow" : "deny";
            if (json) {
                JsonObject.Builder body = JsonObject.builder().put("decision", decision).put("actor", actor)
                        .put("action", action);
                Optional.ofNullable(branch).ifPresent(b -> body.put("branch", b));
                Optional.ofNullable(targetBranch).ifPresent(t -> body.put("target_branch", t));
                body.put("matched_rule", result.matchedRule().<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue()));
                printJson(body.put("message", result.message()).build());
                return 0;
            }
            out().println("decision: " + decision);
            out().println("actor: " + actor);
            out().println("action: " + action);
            Optional.ofNullable(branch).ifPresent(b -> out().println("branch: " + b));
            Optional.ofNullable(targetBranch).ifPresent(t -> out().println("target_branch: " + t));
            result.matchedRule().ifPresent(rule -> out().println("matched_rule: " + rule));
            out().println("message: " + result.message());
            out().flush();
            return 0;
        }
    }
}
