package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

import java.util.Objects;

/** @param schemaPath the file's path, for messages; @param schemaSource its text */
public record CheckSchemaCommand(String schemaPath, String schemaSource) {
    public CheckSchemaCommand {
        Arguments.requireText(schemaPath, "schema path");
        Objects.requireNonNull(schemaSource, "schemaSource");
    }
}
