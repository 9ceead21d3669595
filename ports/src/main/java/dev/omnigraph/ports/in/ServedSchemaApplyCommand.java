package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;

/** A request to migrate a served graph's schema (refused with 409 when the graph is cluster-managed). */
public record ServedSchemaApplyCommand(String graphId, String schemaSource, boolean allowDataLoss) {
    public ServedSchemaApplyCommand {
        Arguments.requireText(graphId, "graph id");
        Objects.requireNonNull(schemaSource, "schemaSource");
    }
}
