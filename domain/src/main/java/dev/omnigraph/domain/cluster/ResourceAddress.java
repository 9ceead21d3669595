package dev.omnigraph.domain.cluster;

import java.util.Objects;
import java.util.Optional;

/**
 * The address of a cluster resource, as written in plans, the ledger and diagnostics:
 * {@code graph.<id>}, {@code schema.<id>}, {@code query.<graph>.<name>}, {@code policy.<name>},
 * {@code provider.embedding.<name>}. Parsing never fails: text that fits none of the forms is an
 * {@link Unknown} address (apply defers such changes), so a ledger written by a newer build still
 * reads.
 */
public sealed interface ResourceAddress {

    /** The address text ({@code graph.people}). */
    String text();

    /** The resource kind label used in {@code resources[].kind}; {@code unknown} for {@link Unknown}. */
    String kindLabel();

    /** The graph this resource belongs to or hangs off (graph, schema, query), if any. */
    default Optional<String> owningGraph() {
        return Optional.empty();
    }

    record Graph(String graphId) implements ResourceAddress {
        public Graph {
            Objects.requireNonNull(graphId, "graphId");
        }

        @Override
        public String text() {
            return "graph." + graphId;
        }

        @Override
        public String kindLabel() {
            return "graph";
        }

        @Override
        public Optional<String> owningGraph() {
            return Optional.of(graphId);
        }
    }

    record Schema(String graphId) implements ResourceAddress {
        public Schema {
            Objects.requireNonNull(graphId, "graphId");
        }

        @Override
        public String text() {
            return "schema." + graphId;
        }

        @Override
        public String kindLabel() {
            return "schema";
        }

        @Override
        public Optional<String> owningGraph() {
            return Optional.of(graphId);
        }
    }

    record Query(String graphId, String name) implements ResourceAddress {
        public Query {
            Objects.requireNonNull(graphId, "graphId");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "query." + graphId + "." + name;
        }

        @Override
        public String kindLabel() {
            return "query";
        }

        @Override
        public Optional<String> owningGraph() {
            return Optional.of(graphId);
        }
    }

    record Policy(String name) implements ResourceAddress {
        public Policy {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "policy." + name;
        }

        @Override
        public String kindLabel() {
            return "policy";
        }
    }

    record EmbeddingProvider(String name) implements ResourceAddress {
        public EmbeddingProvider {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String text() {
            return "provider.embedding." + name;
        }

        @Override
        public String kindLabel() {
            return "embedding_provider";
        }
    }

    record Unknown(String text) implements ResourceAddress {
        public Unknown {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String kindLabel() {
            return "unknown";
        }
    }

    /**
     * Classifies address text by prefix, like the reference: {@code query.} needs a second dot
     * (the graph id ends at the first one), every other prefix takes the rest verbatim.
     */
    static ResourceAddress parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.startsWith("graph.")) {
            return new Graph(text.substring("graph.".length()));
        }
        if (text.startsWith("schema.")) {
            return new Schema(text.substring("schema.".length()));
        }
        if (text.startsWith("query.")) {
            String rest = text.substring("query.".length());
            int dot = rest.indexOf('.');
            return dot < 0 ? new Unknown(text) : new Query(rest.substring(0, dot), rest.substring(dot + 1));
        }
        if (text.startsWith("policy.")) {
            return new Policy(text.substring("policy.".length()));
        }
        if (text.startsWith("provider.embedding.")) {
            return new EmbeddingProvider(text.substring("provider.embedding.".length()));
        }
        return new Unknown(text);
    }

    static String graph(String graphId) {
        return new Graph(graphId).text();
    }

    static String schema(String graphId) {
        return new Schema(graphId).text();
    }

    static String query(String graphId, String name) {
        return new Query(graphId, name).text();
    }

    static String policy(String name) {
        return new Policy(name).text();
    }

    static String embeddingProvider(String name) {
        return new EmbeddingProvider(name).text();
    }

    /** The prefix shared by every query address of {@code graphId} ({@code query.<graph>.}). */
    static String queryPrefix(String graphId) {
        return "query." + graphId + ".";
    }
}
