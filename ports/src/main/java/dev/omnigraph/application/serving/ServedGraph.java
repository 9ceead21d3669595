package dev.omnigraph.application.serving;

import dev.omnigraph.domain.Arguments;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A graph the server answers for: its id, its storage root, and its stored-query registry by name.
 */
public record ServedGraph(String graphId, String uri, Map<String, StoredQuery> storedQueries) {
    public ServedGraph {
        Arguments.requireText(graphId, "graph id");
        Arguments.requireText(uri, "graph uri");
        storedQueries = Collections.unmodifiableMap(new TreeMap<>(storedQueries));
    }

    public Optional<StoredQuery> storedQuery(String name) {
        return Optional.ofNullable(storedQueries.get(name));
    }
}
