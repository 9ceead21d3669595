package dev.omnigraph.domain.query.typecheck;

/** Which way a traversal follows its edge relative to the variable it starts from. */
public enum Direction {
    /** From the edge's {@code from} endpoint to its {@code to} endpoint. */
    OUT,
    /** From the edge's {@code to} endpoint back to its {@code from} endpoint. */
    IN,
    /** Both ways, de-duplicated (undirected {@code <edge>}; same-endpoint-type edges only). */
    BOTH;

    /** The direction seen from the other endpoint. */
    public Direction reversed() {
        return switch (this) {
            case OUT -> IN;
            case IN -> OUT;
            case BOTH -> BOTH;
        };
    }
}
