package dev.omnigraph.domain.query.typecheck;

/** The scalar kinds of the graph type system (a {@link ValueType} adds list, nullability, enum values). */
public enum ScalarKind {
    STRING("String"),
    BOOL("Bool"),
    I32("I32"),
    I64("I64"),
    U32("U32"),
    U64("U64"),
    F32("F32"),
    F64("F64"),
    DATE("Date"),
    DATE_TIME("DateTime"),
    VECTOR("Vector"),
    BLOB("Blob");

    private final String spelling;

    ScalarKind(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    /** Numeric kinds are mutually comparable. */
    public boolean isNumeric() {
        return switch (this) {
            case I32, I64, U32, U64, F32, F64 -> true;
            default -> false;
        };
    }

    /** Integer kinds (accepted for {@code fuzzy} max_edits and {@code rrf} k). */
    public boolean isInteger() {
        return switch (this) {
            case I32, I64, U32, U64 -> true;
            default -> false;
        };
    }
}
