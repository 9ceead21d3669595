package dev.omnigraph.adapters.cli;

import dev.omnigraph.ports.in.ExportGraphCommand;
import dev.omnigraph.ports.in.ExportGraphResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a graph snapshot to standard output as JSONL in the load format.",
            "Loading the export into a new graph reproduces it."})
final class ExportCommand extends CommandSupport implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "URI", description = "The graph.")
    String uri;

    @Option(names = "--store", paramLabel = "URI", description = "The graph (alternative to URI).")
    String store;

    @Option(names = "--branch", defaultValue = "main", paramLabel = "BRANCH", description = "Branch to export (default: main).")
    String branch;

    @Option(names = "--snapshot", paramLabel = "ID", description = "Export this snapshot (manifest:<branch>:v<N>) instead of the latest.")
    String snapshot;

    @Option(names = "--type", paramLabel = "TYPE", description = "Export only this node or edge type (repeatable).")
    List<String> types = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = out();
        ExportGraphResult result = services().export().exportGraph(
                new ExportGraphCommand(graphUri(uri, store), branch, Optional.ofNullable(snapshot), types), out::println);
        out.flush();
        err().printf("exported %d nodes and %d edges from %s%n", result.nodes(), result.edges(), result.snapshotId());
        return 0;
    }
}
