package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

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
        Arguments.requireText(graphUri, "graph URI");
        Arguments.requireText(branch, "branch");
        Objects.requireNonNull(mode, "mode");
        Arguments.requireText(sourceName, "source name");
        Objects.requireNonNull(jsonl, "jsonl");
        Objects.requireNonNull(actor, "actor");
    }
}
