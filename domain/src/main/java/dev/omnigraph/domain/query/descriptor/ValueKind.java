package dev.omnigraph.domain.query.descriptor;

import dev.omnigraph.domain.query.typecheck.ScalarKind;

/**
 * The value vocabulary clients see for result fields and parameters, decomposed so nobody parses
 * type spellings such as {@code Vector(3)} or {@code [Date]}.
 */
public enum ValueKind {
    STRING("string"), BOOL("bool"), INT("int"), BIGINT("bigint"), FLOAT("float"), DATE("date"),
    DATETIME("datetime"), BLOB("blob"), VECTOR("vector"), LIST("list"), OBJECT("object");

    private final String wireName;

    ValueKind(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling in JSON. */
    public String wireName() {
        return wireName;
    }

    /** The kind of a scalar: 32-bit integers are {@code int}, 64-bit ones {@code bigint} (not JS-safe). */
    public static ValueKind of(ScalarKind scalar) {
        return switch (scalar) {
            case STRING -> STRING;
            case BOOL -> BOOL;
            case I32, U32 -> INT;
            case I64, U64 -> BIGINT;
            case F32, F64 -> FLOAT;
            case DATE -> DATE;
            case DATE_TIME -> DATETIME;
            case BLOB -> BLOB;
            case VECTOR -> VECTOR;
        };
    }
}
