package dev.omnigraph.domain.query.ast;

import java.util.Optional;

/** Comparison operators of filters; mutation predicates accept only the first six. */
public enum CompOp {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    CONTAINS("contains"),
    STARTS_WITH("starts_with");

    private final String spelling;

    CompOp(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    /** True for {@code = != < <= > >=}, the only operators a mutation {@code where} accepts. */
    public boolean isComparison() {
        return this != CONTAINS && this != STARTS_WITH;
    }

    public static Optional<CompOp> fromSpelling(String text) {
        for (CompOp op : values()) {
            if (op.spelling.equals(text)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
