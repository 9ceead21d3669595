package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import dev.omnigraph.domain.graph.load.LoadMode;
import java.util.Objects;
import java.util.Optional;

/**
 * @param graphId the served graph
 * @param jsonl the records, one JSON object per line
 * @param branch the branch to load into ({@code main} when empty)
 * @param from when the branch does not exist yet, create it from this branch first
 * @param mode overwrite, append or merge
 */
public record ServedLoadCommand(String graphId, String jsonl, Optional<String> branch, Optional<String> from,
                                LoadMode mode) {
    public ServedLoadCommand {
        Arguments.requireText(graphId, "graph id");
        Objects.requireNonNull(jsonl, "jsonl");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(mode, "mode");
    }
}
