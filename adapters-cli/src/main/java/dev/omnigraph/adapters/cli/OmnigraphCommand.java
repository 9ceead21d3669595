package dev.omnigraph.adapters.cli;

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
        footer = {"", "Exit codes: 0 success, 1 the operation failed, 2 invalid usage or input."},
        subcommands = {HelpCommand.class})
public final class OmnigraphCommand {
}
