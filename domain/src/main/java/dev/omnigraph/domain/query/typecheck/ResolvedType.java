package dev.omnigraph.domain.query.typecheck;

import java.util.Objects;

/** The static type of an expression. */
public sealed interface ResolvedType {

    /** A value of a graph type. */
    record Scalar(ValueType type) implements ResolvedType {
        public Scalar {
            Objects.requireNonNull(type, "type");
        }
    }

    /** A bare node variable: the whole node (projected as an object). */
    record NodeRef(String typeName) implements ResolvedType {
        public NodeRef {
            Objects.requireNonNull(typeName, "typeName");
        }
    }

    /**
     * An aggregate, or an alias the checker cannot resolve yet; the reference treats these as
     * opaque and skips type rules that would need the underlying type.
     */
    record Opaque() implements ResolvedType {
    }

    /** Readable form for messages: {@code String?}, {@code node `Person`}, {@code aggregate}. */
    default String displayName() {
        if (this instanceof Scalar scalar) {
            return scalar.type().displayName();
        }
        if (this instanceof NodeRef node) {
            return "node `" + node.typeName() + "`";
        }
        return "aggregate";
    }
}
