package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.json.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
