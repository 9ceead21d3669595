package dev.omnigraph.domain.query.ast;

import java.util.Optional;

/** The base types a {@code .gq} parameter may name ({@code Vector} carries its dimension separately). */
public enum BaseType {
    STRING("String"),
    BLOB("Blob"),
    BOOL("Bool"),
    I32("I32"),
    I64("I64"),
    U32("U32"),
    U64("U64"),
    F32("F32"),
    F64("F64"),
    DATE_TIME("DateTime"),
    DATE("Date"),
    VECTOR("Vector");

    private final String spelling;

    BaseType(String spelling) {
        this.spelling = spelling;
    }

    /** The keyword as written in source. */
    public String spelling() {
        return spelling;
    }

    /** The base type spelled exactly so (case-sensitive), excluding {@code Vector}, which needs a dimension. */
    public static Optional<BaseType> fromSpelling(String word) {
        for (BaseType type : values()) {
            if (type != VECTOR && type.spelling.equals(word)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
