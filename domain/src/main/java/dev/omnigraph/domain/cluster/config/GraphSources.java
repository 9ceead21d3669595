package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.AddressMaps;

import java.util.Objects;
import java.util.Optional;
import java.util.Map;

/**
 * What the application read for one graph: its schema file (absent when unreadable; the
 * application reported {@code schema_file_missing}) and its resolved query registry, name → the
 * containing file (absent when unreadable; {@code query_file_missing} was reported).
 */
public record GraphSources(Optional<SourceFile> schema, Map<String, Optional<SourceFile>> queries) {

    public GraphSources {
        Objects.requireNonNull(schema, "schema");
        queries = AddressMaps.copyOf(queries);
    }
}
