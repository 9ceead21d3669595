package dev.omnigraph.adapters.cli;

import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphResult;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load JSONL graph data into a branch as one commit.",
            "Every record and constraint is checked before anything is written."})
final class LoadCommand extends CommandSupport implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "FILE.jsonl", description = "The records, one JSON object per line.")
    String data;

    @Option(names = "--mode", required = true, paramLabel = "MODE",
            description = "overwrite (replace touched types), append (strict insert) or merge (upsert).")
    String mode;

    @Option(names = "--branch", defaultValue = "main", paramLabel = "BRANCH", description = "Target branch (default: main).")
    String branch;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URI", description = "The graph.")
    String uri;

    @Option(names = "--store", paramLabel = "URI", description = "The graph (alternative to URI).")
    String store;

    @Option(names = "--as", paramLabel = "ACTOR", description = "Record this actor on the commit.")
    String actor;

    @Option(names = "--yes", description = "Consent to an overwrite of a graph that is not on local disk.")
    boolean yes;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() {
        LoadMode loadMode;
        try {
            loadMode = LoadMode.parse(mode);
        } catch (IllegalArgumentException unknown) {
            throw new CommandLine.ParameterException(spec.commandLine(), unknown.getMessage());
        }
        String text = readFile(data, "data");
        if (loadMode == LoadMode.OVERWRITE) {
            confirmDestructive("load --mode overwrite", graphUri(uri, store), yes, json);
        }
        LoadGraphCommand command = new LoadGraphCommand(graphUri(uri, store), branch, loadMode, data, text,
                Optional.ofNullable(actor));
        LoadGraphResult result;
        try (TerminalProgress progress = TerminalProgress.startIf(!json && System.console() != null)) {
            result = services().load().loadGraph(command, progress);
        }
        if (json) {
            printJson(JsonObject.builder()
                    .put("branch", result.branch())
                    .put("base_branch", JsonValue.nullValue())
                    .put("branch_created", false)
                    .put("mode", loadMode.spelling())
                    .put("nodes_loaded", counts(result.nodesLoaded()))
                    .put("edges_loaded", counts(result.edgesLoaded()))
                    .put("graph_commit_id", result.commitId().<JsonValue>map(JsonValue::of).orElse(JsonValue.nullValue()))
                    .put("snapshot_id", result.snapshotId())
                    .build());
        } else {
            long nodes = result.nodesLoaded().values().stream().mapToLong(Long::longValue).sum();
            long edges = result.edgesLoaded().values().stream().mapToLong(Long::longValue).sum();
            out().printf("loaded %d nodes and %d edges into %s (%s)%s%n", nodes, edges, result.branch(), loadMode.spelling(),
                    result.commitId().map(c -> "; commit " + c).orElse("; nothing to commit"));
        }
        return 0;
    }

    private static JsonObject counts(Map<String, Long> counts) {
        JsonObject.Builder object = JsonObject.builder();
        counts.forEach((type, count) -> object.put(type, count));
        return object.build();
    }

    /** A progress bar on the terminal's error stream, or nothing when not on a terminal. */
    private static final class TerminalProgress implements ProgressListener, AutoCloseable {
        private ProgressBar bar;
        private String phase;
        private final boolean enabled;

        private TerminalProgress(boolean enabled) {
            this.enabled = enabled;
        }

        static TerminalProgress startIf(boolean terminal) {
            return new TerminalProgress(terminal);
        }

        @Override
        public void onProgress(String phase, long done, long total) {
            if (!enabled) {
                return;
            }
            if (!phase.equals(this.phase)) {
                close();
                this.phase = phase;
                bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(Math.max(total, 1))
                        .setStyle(ProgressBarStyle.ASCII).continuousUpdate().build();
            }
            bar.maxHint(Math.max(total, 1));
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
