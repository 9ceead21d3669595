package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.lang.Severity;
import dev.omnigraph.ports.in.LocateClusterGraphQuery;
import dev.omnigraph.ports.in.LocateClusterGraphResult;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: its services, its output streams, JSON printing and file reading. */
abstract class CommandSupport {

    @Spec
    CommandSpec spec;

    CliServices services() {
        return ((OmnigraphCommand) spec.root().userObject()).services();
    }

    OperatorConfig operator() {
        return ((OmnigraphCommand) spec.root().userObject()).operator();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(JsonValue value) {
        out().println(JsonWriter.pretty(value));
        out().flush();
    }

    /** Reads a UTF-8 text file, or fails as invalid input naming the file. */
    String readFile(String path, String what) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException missing) {
            throw new CommandLine.ParameterException(spec.commandLine(), what + " file not found: " + path);
        } catch (IOException unreadable) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read " + what + " file " + path + ": "
                    + unreadable.getMessage());
        }
    }

    /**
     * Refuses to touch a graph of a cluster's storage layout ({@code <root>/graphs/<id>.omni} under a root
     * holding a ledger): such a graph is created and migrated only by {@code cluster apply}, which records
     * the ledger, recovery and approvals, so a direct write would be drift the ledger never saw.
     * {@code refusal} completes the sentence "`uri` is inside cluster `root`. …".
     */
    void refuseClusterManagedGraph(String graphUri, String refusal) {
        String located = graphUri.contains("://") ? graphUri : Path.of(graphUri).toAbsolutePath().normalize().toString();
        services().cluster().clusterManaging(located).ifPresent(root -> {
            throw new ClusterManagedGraphException("`" + graphUri + "` is inside cluster `" + root + "`. " + refusal);
        });
    }

    /**
     * The graph a maintenance command addresses: with {@code --cluster}, the root of the applied graph
     * {@code --graph} (or of the cluster's only graph) from the ledger; otherwise the URI or {@code --store}.
     * A graph id that is not applied is {@code graph_not_applied} (exit 1); several graphs without
     * {@code --graph} are listed.
     */
    String maintenanceGraph(MaintenanceTarget target) {
        if (target.cluster == null) {
            if (target.graph != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--graph selects a graph of --cluster; "
                        + "give --cluster too, or address the graph by its URI");
            }
            return graphUri(target.uri, target.store);
        }
        if (target.uri != null || target.store != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give the graph either as URI/--store or with --cluster, not both");
        }
        LocateClusterGraphResult located = services().locateGraph().locateGraph(
                new LocateClusterGraphQuery(clusterLocation(target.cluster), Optional.ofNullable(target.graph)));
        if (!located.ok()) {
            ClusterDiagnostic first = located.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR).findFirst().orElseThrow();
            throw new CommandRefusedException("[" + first.code() + "] " + first.message());
        }
        if (located.graphUri().isPresent()) {
            return located.graphUri().get();
        }
        List<String> applied = located.appliedGraphs();
        throw new CommandRefusedException(applied.isEmpty()
                ? "cluster `" + target.cluster + "` has no applied graphs; run `cluster apply` first"
                : "cluster `" + target.cluster + "` has " + applied.size() + " graphs: [" + String.join(", ", applied)
                        + "]; pass --graph <id> to select one");
    }

    /**
     * Consent for a destructive write ({@code cleanup}, {@code load --mode overwrite}, {@code branch delete})
     * against a target that is not on local disk, as the reference asks it: a local path or {@code file://} needs
     * none, {@code --yes} gives it, an interactive terminal is asked; a run without a terminal, or with
     * {@code --json}, is refused rather than silently going on.
     */
    void confirmDestructive(String label, String uri, boolean yes, boolean json) {
        if (yes || isLocal(uri)) {
            return;
        }
        Console console = System.console();
        if (json || console == null) {
            throw new CommandRefusedException("refusing destructive `" + label + "` against non-local target " + uri
                    + " without confirmation; pass --yes to confirm (an interactive TTY would be prompted instead)");
        }
        String answer = console.readLine("About to run a destructive `%s` against %s (not local). Type 'yes' to continue: ",
                label, uri);
        if (answer == null || !List.of("yes", "y").contains(answer.strip().toLowerCase(Locale.ROOT))) {
            throw new CommandRefusedException("aborted: destructive `" + label + "` not confirmed");
        }
    }

    /** A bare path or a {@code file://} URI; anything else with a scheme ({@code s3://}, {@code az://}) is remote. */
    static boolean isLocal(String uri) {
        return uri.startsWith("file://") || !uri.contains("://");
    }

    /** A {@code --cluster} value: a cluster named in the operator config stands for its root. */
    String clusterLocation(String value) {
        return operator().clusterLocation(value);
    }

    /** The graph a command addresses: its positional URI or {@code --store}; refuses neither or both. */
    String graphUri(String positional, String store) {
        if (positional != null && store != null && !positional.equals(store)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give the graph either as URI or with --store, not both");
        }
        String uri = positional != null ? positional : store;
        if (uri == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing graph: give its URI (or --store URI)");
        }
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "a remote graph must be addressed with --server <url>, which this command does not support");
        }
        return uri;
    }
}
