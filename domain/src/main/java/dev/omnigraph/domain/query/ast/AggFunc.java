package dev.omnigraph.domain.query.ast;

import java.util.Optional;

/** Aggregate functions usable in {@code return}. */
public enum AggFunc {
    COUNT("count"),
    SUM("sum"),
    AVG("avg"),
    MIN("min"),
    MAX("max");

    private final String spelling;

    AggFunc(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Optional<AggFunc> fromSpelling(String word) {
        for (AggFunc func : values()) {
            if (func.spelling.equals(word)) {
                return Optional.of(func);
            }
        }
        return Optional.empty();
    }
}
