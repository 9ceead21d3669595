package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.Arguments;

import java.util.Objects;

/**
 * One applied stored query of a served graph: its registry name and the source text of the catalog
 * payload it was applied from, re-read and verified against its recorded digest. The source is the
 * whole file the query came from (a query's digest is its file's), so several queries may share it.
 */
public record ServingStoredQuery(String graphId, String name, String source) {

    public ServingStoredQuery {
        Arguments.requireText(graphId, "graph id");
        Arguments.requireText(name, "query name");
        Objects.requireNonNull(source, "source");
    }
}
