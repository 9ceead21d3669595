package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

import java.util.Objects;
import java.util.Optional;

/**
 * @param queryPath the query file's path (for messages and the report)
 * @param querySource the {@code .gq} text
 * @param schemaPath a {@code .pg} file to lint against (with {@code schemaSource})
 * @param schemaSource its text
 * @param graphUri a graph whose accepted schema to lint against, when no schema file is given
 */
public record LintQueriesCommand(String queryPath, String querySource, Optional<String> schemaPath,
                                 Optional<String> schemaSource, Optional<String> graphUri) {
    public LintQueriesCommand {
        Arguments.requireText(queryPath, "query path");
        Objects.requireNonNull(querySource, "querySource");
        if (schemaPath.isPresent() != schemaSource.isPresent()) {
            throw new IllegalArgumentException("a schema path needs its source text");
        }
        if (schemaPath.isEmpty() && graphUri.isEmpty()) {
            throw new IllegalArgumentException("lint needs a schema: --schema FILE.pg or a graph URI");
        }
    }
}
