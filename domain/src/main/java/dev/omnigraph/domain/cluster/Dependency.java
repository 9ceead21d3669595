package dev.omnigraph.domain.cluster;

import dev.omnigraph.domain.json.JsonDigest;
import dev.omnigraph.domain.json.JsonObject;

import java.util.Comparator;
import java.util.Objects;

/**
 * A dependency edge {@code from → to}: {@code from} needs {@code to} (schema.X → graph.X,
 * graph.X → provider.embedding.P, query.X.n → graph.X and → schema.X, policy.p → graph.X). Edges
 * sort by {@code from}, then {@code to}, in code-point order, which is how the reference lists them.
 */
public record Dependency(String from, String to) implements Comparable<Dependency> {

    private static final Comparator<Dependency> ORDER = Comparator
            .comparing(Dependency::from, JsonDigest.CODE_POINT_ORDER)
            .thenComparing(Dependency::to, JsonDigest.CODE_POINT_ORDER);

    public Dependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    @Override
    public int compareTo(Dependency other) {
        return ORDER.compare(this, other);
    }

    public JsonObject toJson() {
        return JsonObject.builder().put("from", from).put("to", to).build();
    }
}
