package dev.omnigraph.ports.in;

/** Validates a {@code .pg} schema on its own, without a graph. */
public interface CheckSchemaUseCase {
    CheckSchemaResult checkSchema(CheckSchemaCommand command);
}
