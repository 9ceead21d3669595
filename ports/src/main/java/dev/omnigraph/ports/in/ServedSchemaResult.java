package dev.omnigraph.ports.in;

/** The reference's {@code SchemaOutput}: the live schema's {@code .pg} source. */
public record ServedSchemaResult(String schemaSource) {}
