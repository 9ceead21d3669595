package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

import java.util.Objects;
import java.util.Optional;

/**
 * @param fromPath an old {@code .pg} file to plan from (offline), with {@code fromSource}
 * @param fromSource its text
 * @param graphUri a graph whose accepted schema to plan from, when no old file is given
 * @param toPath the new schema's path
 * @param toSource the new schema's text
 * @param allowDataLoss promote every drop to a hard (irreversible) drop
 */
public record PlanSchemaCommand(Optional<String> fromPath, Optional<String> fromSource, Optional<String> graphUri,
                                String toPath, String toSource, boolean allowDataLoss) {
    public PlanSchemaCommand {
        if (fromPath.isPresent() != fromSource.isPresent()) {
            throw new IllegalArgumentException("an old schema path needs its source text");
        }
        if (fromPath.isEmpty() && graphUri.isEmpty()) {
            throw new IllegalArgumentException("schema plan needs a base: --from OLD.pg or a graph URI");
        }
        Arguments.requireText(toPath, "schema path");
        Objects.requireNonNull(toSource, "toSource");
    }
}
