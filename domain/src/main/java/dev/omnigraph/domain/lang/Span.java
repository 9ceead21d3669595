package dev.omnigraph.domain.lang;

import java.util.Objects;

/**
 * A region {@code [start, end)} of one source file, in UTF-16 offsets, with the 1-based line and
 * column (in code points) of its first character already resolved.
 *
 * <p>Spans are values: two spans are equal when they name the same file and region. Obtain them
 * from {@link SourceFile#span(int, int)} so line and column agree with the offsets.
 */
public record Span(String file, int start, int end, int line, int column) {

    public Span {
        Objects.requireNonNull(file, "file");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid span offsets " + start + ".." + end);
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    public int length() {
        return end - start;
    }

    /** The smallest span covering this one and {@code other} (same file), positioned at the earlier start. */
    public Span to(Span other) {
        if (!file.equals(other.file)) {
            throw new IllegalArgumentException("spans of different files: " + file + ", " + other.file);
        }
        Span first = start <= other.start ? this : other;
        return new Span(file, first.start, Math.max(end, other.end), first.line, first.column);
    }

    /** {@code file:line:column}, the prefix diagnostics are rendered with. */
    public String location() {
        return file + ":" + line + ":" + column;
    }
}
