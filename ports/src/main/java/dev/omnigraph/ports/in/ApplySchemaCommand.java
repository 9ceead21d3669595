package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

import java.util.Objects;
import java.util.Optional;

/**
 * @param graphUri the graph whose accepted schema evolves
 * @param schemaSourceName the desired schema's file name, for messages
 * @param schemaSource the desired {@code .pg} text
 * @param allowDataLoss promote every drop to a hard (irreversible) drop
 * @param actor who the schema commit is attributed to
 */
public record ApplySchemaCommand(String graphUri, String schemaSourceName, String schemaSource, boolean allowDataLoss,
                                 Optional<String> actor) {
    public ApplySchemaCommand {
        Arguments.requireText(graphUri, "graph URI");
        Arguments.requireText(schemaSourceName, "schema name");
        Objects.requireNonNull(schemaSource, "schemaSource");
        Objects.requireNonNull(actor, "actor");
    }
}
