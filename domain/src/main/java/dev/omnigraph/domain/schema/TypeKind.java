package dev.omnigraph.domain.schema;

import java.util.Locale;

/** The three kinds of schema type; their labels are the reference's {@code type_kind} spellings. */
public enum TypeKind {
    INTERFACE,
    NODE,
    EDGE;

    /** {@code interface}, {@code node}, {@code edge}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TypeKind fromLabel(String label) {
        for (TypeKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown type kind '" + label + "'");
    }
}
