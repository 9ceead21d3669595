package dev.omnigraph.domain.schema;

import java.util.Optional;

/** The scalar types a property can have; {@link #VECTOR} additionally carries a dimension. */
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

    /** The keyword as written in {@code .pg} and in the reference's IR JSON. */
    public String spelling() {
        return spelling;
    }

    public boolean isNumeric() {
        return switch (this) {
            case I32, I64, U32, U64, F32, F64 -> true;
            default -> false;
        };
    }

    /** The base type spelled {@code word}, excluding {@code Vector} (which needs a dimension). */
    public static Optional<BaseType> fromKeyword(String word) {
        for (BaseType type : values()) {
            if (type != VECTOR && type.spelling.equals(word)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
