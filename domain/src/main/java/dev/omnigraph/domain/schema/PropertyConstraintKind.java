package dev.omnigraph.domain.schema;

import java.util.Locale;

/**
 * A constraint written on the property itself ({@code name: String @key}). Declaration order is
 * the reference's ordering (key, unique, index); JSON spelling is the lower-case name.
 */
public enum PropertyConstraintKind {
    KEY,
    UNIQUE,
    INDEX;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PropertyConstraintKind fromLabel(String label) {
        for (PropertyConstraintKind kind : values()) {
            if (kind.label().equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown property constraint '" + label + "'");
    }
}
