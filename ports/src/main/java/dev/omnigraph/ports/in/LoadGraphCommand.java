package dev.omnigraph.ports.in;

import dev.omnigraph.domain.graph.load.LoadMode;
import java.util.Objects;
import java.util.Optional;

/**
 * @param graphUri the graph
 * @param branch the branch to load into
 * @param mode overwrite, append (strict insert) or merge (upsert)
 * @param sourceName the data's file name, for messages
 * @param jsonl the records, one JSON object per line
 * @param actor who loads, when known
 */
public record LoadGraphCommand(String graphUri, String branch, LoadMode mode, String sourceName, String jsonl,
                               Optional<String> actor) {
    public LoadGraphCommand {
        Commands.requireText(graphUri, "graph URI");
        Commands.requireText(branch, "branch");
        Objects.requireNonNull(mode, "mode");
        Commands.requireText(sourceName, "source name");
        Objects.requireNonNull(jsonl, "jsonl");
        Objects.requireNonNull(actor, "actor");
    }
}
