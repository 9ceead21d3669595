package dev.omnigraph.ports.in;

import java.util.Objects;

/** @param schemaPath the file's path, for messages; @param schemaSource its text */
public record CheckSchemaCommand(String schemaPath, String schemaSource) {
    public CheckSchemaCommand {
        Commands.requireText(schemaPath, "schema path");
        Objects.requireNonNull(schemaSource, "schemaSource");
    }
}
