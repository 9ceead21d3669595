package dev.omnigraph.domain.query.typecheck;

import java.util.Objects;
import java.util.Optional;

/**
 * A traversal after typechecking: its edge resolved to the declared name and its direction
 * inferred from which endpoint was already bound.
 *
 * @param edgeBinding the edge variable, absent when none or {@code $_} was written
 */
public record ResolvedTraversal(
        String source,
        String destination,
        String edgeType,
        Direction direction,
        long minHops,
        long maxHops,
        Optional<String> edgeBinding) {
    public ResolvedTraversal {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(edgeType, "edgeType");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(edgeBinding, "edgeBinding");
    }
}
