package dev.omnigraph.domain.query.descriptor;

import dev.omnigraph.domain.json.JsonObject;

import java.util.Comparator;
import java.util.Objects;

/** A graph type a query touches; facts sort node-before-edge, then by name. */
public record GraphFact(Kind kind, String typeName) implements Comparable<GraphFact> {

    private static final Comparator<GraphFact> ORDER =
            Comparator.comparing(GraphFact::kind).thenComparing(GraphFact::typeName);

    public enum Kind {
        NODE, EDGE;

        public String wireName() {
            return this == NODE ? "node" : "edge";
        }
    }

    public GraphFact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(typeName, "typeName");
    }

    public static GraphFact node(String typeName) {
        return new GraphFact(Kind.NODE, typeName);
    }

    public static GraphFact edge(String typeName) {
        return new GraphFact(Kind.EDGE, typeName);
    }

    @Override
    public int compareTo(GraphFact other) {
        return ORDER.compare(this, other);
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("kind", kind.wireName()).put("type_name", typeName).build();
    }
}
