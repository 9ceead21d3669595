package dev.omnigraph.adapters.cli;

import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The root {@code omnigraph} command; its subcommands are the verbs of the reference CLI. */
@Command(
        name = "omnigraph",
        mixinStandardHelpOptions = true,
        versionProvider = OmnigraphVersion.class,
        description = {
            "Omnigraph: a versioned property-graph database on Lance datasets, run as a declared-as-code cluster.",
            ""
        },
        footer = {"", "Exit codes: 0 success, 1 the operation failed, 2 invalid usage or input,",
            "4 a conditional write lost its race (the branch head moved)."},
        subcommands = {HelpCommand.class, InitCommand.class, LoadCommand.class, ExportCommand.class, SnapshotCommand.class,
            CommitCommand.class, LintCommand.class, SchemaCommand.class, QueryCommand.class, MutateCommand.class,
            BranchCommand.class, OptimizeCommand.class, RepairCommand.class, CleanupCommand.class, ClusterCommand.class,
            QueriesCommand.class, PolicyCommand.class})
public final class OmnigraphCommand {

    private final CliServices services;
    private final OperatorConfig operator;

    public OmnigraphCommand(CliServices services) {
        this(services, OperatorConfig.absent());
    }

    public OmnigraphCommand(CliServices services, OperatorConfig operator) {
        this.services = Objects.requireNonNull(services, "services");
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    CliServices services() {
        return services;
    }

    /** The operator layer ({@code ~/.omnigraph/config.yaml}) defaults come from. */
    OperatorConfig operator() {
        return operator;
    }
}
