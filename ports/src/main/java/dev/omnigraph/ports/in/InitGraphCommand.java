package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

import java.util.Objects;
import java.util.Optional;

/**
 * @param graphUri where the graph lives (a local path, {@code file://}, {@code s3://}, {@code az://})
 * @param schemaName the schema's file name, for messages
 * @param schemaSource the {@code .pg} text
 * @param actor who initialises it, when known
 * @param force replace orphan schema files an interrupted init left (never an existing graph manifest)
 */
public record InitGraphCommand(String graphUri, String schemaName, String schemaSource, Optional<String> actor,
                               boolean force) {
    public InitGraphCommand {
        Arguments.requireText(graphUri, "graph URI");
        Arguments.requireText(schemaName, "schema name");
        Objects.requireNonNull(schemaSource, "schemaSource");
        Objects.requireNonNull(actor, "actor");
    }

    /** A strict init: refuses a root holding any schema file. */
    public InitGraphCommand(String graphUri, String schemaName, String schemaSource, Optional<String> actor) {
        this(graphUri, schemaName, schemaSource, actor, false);
    }
}
