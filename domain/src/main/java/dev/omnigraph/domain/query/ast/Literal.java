package dev.omnigraph.domain.query.ast;

import java.util.List;
import java.util.Objects;

/**
 * Literal values. There are no negative numeric literals and no {@code null} literal in the grammar
 * (both must be passed as parameters), exactly as in the reference.
 */
public sealed interface Literal {

    /** A string literal, already decoded (escapes resolved). */
    record StringLit(String value) implements Literal {
        public StringLit {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code [0-9]+}, fitting a signed 64-bit integer. */
    record IntLit(long value) implements Literal {
        public IntLit {
            if (value < 0) {
                throw new IllegalArgumentException("the grammar has no negative integer literals");
            }
        }
    }

    /** {@code [0-9]+.[0-9]+}. */
    record FloatLit(double value) implements Literal {
        public FloatLit {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("float literals are finite and non-negative");
            }
        }
    }

    /** {@code true} / {@code false}. */
    record BoolLit(boolean value) implements Literal {}

    /** {@code date("YYYY-MM-DD")}: the text is kept verbatim; the executor parses it. */
    record DateLit(String text) implements Literal {
        public DateLit {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code datetime("…")}: the text is kept verbatim; the executor parses it. */
    record DateTimeLit(String text) implements Literal {
        public DateTimeLit {
            Objects.requireNonNull(text, "text");
        }
    }

    /** {@code [lit, …]}, possibly empty. */
    record ListLit(List<Literal> items) implements Literal {
        public ListLit {
            items = List.copyOf(items);
        }
    }
}
