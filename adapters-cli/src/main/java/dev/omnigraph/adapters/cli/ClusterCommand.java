package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.drift.StateSync;
import dev.omnigraph.domain.cluster.plan.PlanChange;
import dev.omnigraph.domain.json.JsonArray;
import dev.omnigraph.domain.json.JsonBool;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.ports.in.ApplyClusterCommand;
import dev.omnigraph.ports.in.ApplyClusterResult;
import dev.omnigraph.ports.in.ApproveClusterChangeCommand;
import dev.omnigraph.ports.in.ApproveClusterChangeResult;
import dev.omnigraph.ports.in.ClusterStatusQuery;
import dev.omnigraph.ports.in.ClusterStatusResult;
import dev.omnigraph.ports.in.ForceUnlockClusterCommand;
import dev.omnigraph.ports.in.ForceUnlockClusterResult;
import dev.omnigraph.ports.in.ManageClusterUseCase;
import dev.omnigraph.ports.in.ManageClusterUseCase.StateObservations;
import dev.omnigraph.ports.in.PlanClusterCommand;
import dev.omnigraph.ports.in.PlanClusterResult;
import dev.omnigraph.ports.in.SyncClusterStateCommand;
import dev.omnigraph.ports.in.SyncClusterStateResult;
import dev.omnigraph.ports.in.ValidateClusterCommand;
import dev.omnigraph.ports.in.ValidateClusterResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code omnigraph cluster validate|plan|apply|status|refresh|import|approve|force-unlock}. Every
 * subcommand prints its output (human text, or the reference's JSON with {@code --json}) to standard
 * output, diagnostics included, and exits 1 exactly when a diagnostic is an error.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Converge storage to a declared cluster (cluster.yaml) and inspect its state ledger.",
            "Exit code 1 when any diagnostic is an error; warnings do not fail."},
        subcommands = {ClusterCommand.Validate.class, ClusterCommand.Plan.class, ClusterCommand.Apply.class,
            ClusterCommand.Status.class, ClusterCommand.Refresh.class, ClusterCommand.Import.class,
            ClusterCommand.Approve.class, ClusterCommand.ForceUnlock.class})
final class ClusterCommand {

    /** Options every cluster subcommand shares. */
    abstract static class ClusterSubcommand extends CommandSupport implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "DIR", defaultValue = ".",
                description = "The directory holding cluster.yaml (default: the current directory).")
        String config;

        @Option(names = "--json", description = "Print the output as JSON.")
        boolean json;

        ManageClusterUseCase cluster() {
            return services().cluster();
        }

        String configDir() {
            return Path.of(config).toAbsolutePath().normalize().toString();
        }

        int finish(boolean ok, JsonObject asJson, List<String> lines, List<ClusterDiagnostic> diagnostics) {
            if (json) {
                printJson(asJson);
            } else {
                lines.forEach(out()::println);
                diagnostics.forEach(diagnostic -> out().println(diagnostic.humanLine()));
                out().flush();
            }
            return ok ? 0 : OmnigraphCli.EXIT_FAILURE;
        }

        static Optional<String> actor(String actor) {
            return Optional.ofNullable(actor).map(String::strip).filter(value -> !value.isEmpty());
        }

        /**
         * The actor chain of the cluster commands: {@code --as}, else {@code operator.actor} of the operator
         * layer, else none. The operator file is read only when {@code --as} is absent; its warnings go to
         * standard error, and a file it cannot understand fails the command.
         */
        Optional<String> actorOrOperatorDefault(String flag) {
            Optional<String> given = actor(flag);
            if (given.isPresent()) {
                return given;
            }
            OperatorConfig.Settings settings = operator().settings();
            settings.warnings().forEach(warning -> err().println("warning: " + warning));
            err().flush();
            return settings.actor();
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Parse and validate cluster.yaml and every file it references (no state, lock or graph).")
    static final class Validate extends ClusterSubcommand {
        @Override
        public Integer call() {
            ValidateClusterResult result = cluster().validate(new ValidateClusterCommand(configDir()));
            List<String> lines = result.ok()
                    ? List.of("cluster config valid: " + result.resources().size() + " resource(s), "
                            + result.dependencies().size() + " dependency edge(s)")
                    : List.of("cluster config invalid");
            return finish(result.ok(), result.toJson(), lines, result.diagnostics());
        }
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = {"Diff the desired revision against the state ledger (takes the lock, writes nothing).",
                "Schema updates show the engine's migration steps."})
    static final class Plan extends ClusterSubcommand {
        @Override
        public Integer call() {
            PlanClusterResult result = cluster().plan(new PlanClusterCommand(configDir()));
            List<String> lines = new ArrayList<>();
            if (!result.ok()) {
                lines.add("cluster plan failed");
            } else {
                lines.add("cluster plan: " + result.changes().size() + " change(s), " + result.approvalsRequired().size()
                        + " approval gate(s)");
                if (result.changes().isEmpty()) {
                    lines.add("  no changes");
                }
                for (PlanChange change : result.changes()) {
                    lines.add("  " + change.operation().title() + " " + change.resource()
                            + (change.bindingChange() ? " [bindings]" : ""));
                    change.migration().ifPresent(migration -> lines.addAll(migrationLines(migration)));
                }
            }
            return finish(result.ok(), result.toJson(), lines, result.diagnostics());
        }

        private static List<String> migrationLines(JsonValue migration) {
            boolean supported = !(migration instanceof JsonObject object)
                    || object.find("supported").filter(JsonBool.FALSE::equals).isEmpty();
            List<String> lines = new ArrayList<>();
            if (migration instanceof JsonObject object && object.find("steps").orElse(null) instanceof JsonArray steps) {
                for (JsonValue step : steps.elements()) {
                    lines.add("    " + (supported ? "" : "migration UNSUPPORTED: ") + JsonWriter.compact(step));
                }
            }
            return lines;
        }
    }

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Converge storage to the desired revision: sweep, graph creates, schema migrations,",
                "catalog payloads, approved deletes, then one state write (none when already converged)."})
    static final class Apply extends ClusterSubcommand {
        @Option(names = "--as", paramLabel = "ACTOR", description = {"The actor recorded on commits, sidecars and "
                + "tombstones", "(default: operator.actor of ~/.omnigraph/config.yaml)."})
        String actor;

        @Override
        public Integer call() {
            ApplyClusterResult result = cluster().apply(new ApplyClusterCommand(configDir(),
                    actorOrOperatorDefault(actor)));
            List<String> lines = new ArrayList<>();
            lines.add("cluster apply: " + result.appliedCount() + " applied, " + result.deferredCount()
                    + " deferred/blocked");
            for (PlanChange change : result.changes()) {
                String disposition = change.disposition().map(d -> d.title()).orElse("Planned");
                lines.add("  " + change.operation().title() + " " + change.resource() + " [" + disposition
                        + change.reason().map(reason -> ": " + reason).orElse("") + "]");
            }
            if (result.ok()) {
                StateObservations observed = result.stateObservations();
                lines.add("  state: revision " + observed.stateRevision() + ", converged: " + result.converged()
                        + ", written: " + result.stateWritten());
                lines.add("  servers started with --cluster serve this revision on their next restart");
            }
            return finish(result.ok(), result.toJson(), lines, result.diagnostics());
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the state ledger, the lock and catalog findings (read-only, no lock).")
    static final class Status extends ClusterSubcommand {
        @Override
        public Integer call() {
            ClusterStatusResult result = cluster().status(new ClusterStatusQuery(configDir()));
            StateObservations observed = result.stateObservations();
            List<String> lines = new ArrayList<>();
            if (observed.stateFound()) {
                lines.add("cluster state: revision " + observed.stateRevision() + ", " + observed.resourceCount()
                        + " resource(s)");
                observed.appliedConfigDigest().ifPresent(digest -> lines.add("  applied config: " + digest));
            } else {
                lines.add("cluster state missing");
            }
            lines.add(lockLine(observed));
            return finish(result.ok(), result.toJson(), lines, result.diagnostics());
        }
    }

    /** Refresh and import share their output. */
    abstract static class Sync extends ClusterSubcommand {
        @Option(names = "--as", paramLabel = "ACTOR", description = {"The actor recorded on recovery roll-forwards",
            "(default: operator.actor of ~/.omnigraph/config.yaml)."})
        String actor;

        int sync(StateSync operation) {
            SyncClusterStateResult result = cluster().syncState(new SyncClusterStateCommand(configDir(), operation,
                    actorOrOperatorDefault(actor)));
            StateObservations observed = result.stateObservations();
            List<String> lines = new ArrayList<>();
            lines.add("cluster " + operation.label() + ": revision " + observed.stateRevision() + ", "
                    + result.resourceDigests().size() + " resource(s)");
            observed.stateCas().ifPresent(cas -> lines.add("  state_cas: " + cas));
            lines.add(lockLine(observed));
            return finish(result.ok(), result.toJson(), lines, result.diagnostics());
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = {"Re-observe every declared graph and the catalog and record what is live",
                "(requires a state ledger; always writes the next revision)."})
    static final class Refresh extends Sync {
        @Override
        public Integer call() {
            return sync(StateSync.REFRESH);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Build the first state ledger from what storage holds (only when none exists).")
    static final class Import extends Sync {
        @Override
        public Integer call() {
            return sync(StateSync.IMPORT);
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"Approve one gated change of the current plan (a graph or schema delete).",
                "The approval is bound to the plan's digests: any config edit stales it."})
    static final class Approve extends ClusterSubcommand {
        @Parameters(index = "0", paramLabel = "RESOURCE", description = "The resource address, e.g. graph.people.")
        String resource;

        @Option(names = "--as", paramLabel = "ACTOR", description = {"The approver (required unless operator.actor",
            "is set in ~/.omnigraph/config.yaml)."})
        String actor;

        @Override
        public Integer call() {
            Optional<String> approver = actorOrOperatorDefault(actor);
            if (approver.isEmpty()) {
                err().println("omnigraph: error: `cluster approve` requires an approver: pass --as ACTOR (or set "
                        + "operator.actor in the operator config)");
                err().flush();
                return OmnigraphCli.EXIT_FAILURE;
            }
            ApproveClusterChangeResult result = cluster().approve(new ApproveClusterChangeCommand(configDir(), resource,
                    approver.get()));
            List<String> lines = result.ok() && result.approvalId().isPresent()
                    ? List.of("cluster approve: " + result.operation().orElse("") + " " + result.resource().orElse("")
                            + " approved by " + result.approvedBy().orElse("") + " (approval "
                            + result.approvalId().get() + ")")
                    : List.of("cluster approve failed");
            return finish(result.ok(), result.toJson(), lines, result.diagnostics());
        }
    }

    @Command(name = "force-unlock", mixinStandardHelpOptions = true,
            description = {"Remove the cluster state lock, only if it carries exactly LOCK_ID.",
                "Run it only after confirming no cluster operation is active."})
    static final class ForceUnlock extends ClusterSubcommand {
        @Parameters(index = "0", paramLabel = "LOCK_ID", description = "The lock id shown by cluster status.")
        String lockId;

        @Override
        public Integer call() {
            ForceUnlockClusterResult result = cluster().forceUnlock(new ForceUnlockClusterCommand(configDir(), lockId));
            List<String> lines = result.lockRemoved()
                    ? List.of("cluster force-unlock: removed lock " + lockId)
                    : List.of("cluster force-unlock failed");
            return finish(result.ok(), result.toJson(), lines, result.diagnostics());
        }
    }

    static String lockLine(StateObservations observed) {
        if (!observed.locked()) {
            return "  lock: not held";
        }
        StringBuilder line = new StringBuilder("  lock: held (");
        line.append("id=").append(observed.lockId().orElse("?"));
        observed.lockOperation().ifPresent(value -> line.append(", operation=").append(value));
        observed.lockPid().ifPresent(value -> line.append(", pid=").append(value));
        observed.lockCreatedAt().ifPresent(value -> line.append(", created_at=").append(value));
        observed.lockAgeSeconds().ifPresent(value -> line.append(", age_seconds=").append(value));
        return line.append(")").toString();
    }
}
