package dev.omnigraph.domain.lang;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named source text (a {@code .pg} or {@code .gq} document) with line/column lookup.
 *
 * <p>Lines are separated by {@code '\n'}; a preceding {@code '\r'} belongs to the line it ends.
 * Lines and columns are 1-based; columns count Unicode code points, so a caret lines up under the
 * character a reader sees.
 */
public final class SourceFile {

    private final String name;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.lineStarts = computeLineStarts(text);
    }

    /** A source without a meaningful name, for snippets handed in programmatically. */
    public static SourceFile anonymous(String text) {
        return new SourceFile("<input>", text);
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** 1-based line holding {@code offset}; offsets past the end map to the last line. */
    public int lineOf(int offset) {
        int clamped = clamp(offset);
        int index = Arrays.binarySearch(lineStarts, clamped);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** 1-based column (in code points) of {@code offset} within its line. */
    public int columnOf(int offset) {
        int clamped = clamp(offset);
        int lineStart = lineStarts[lineOf(clamped) - 1];
        return text.codePointCount(lineStart, clamped) + 1;
    }

    /** Offset of the first character of the 1-based {@code line}. */
    public int lineStartOffset(int line) {
        return lineStarts[checkLine(line) - 1];
    }

    /** Offset just past the last character of the 1-based {@code line}, excluding the line break. */
    public int lineEndOffset(int line) {
        int checked = checkLine(line);
        int end = checked < lineStarts.length ? lineStarts[checked] - 1 : text.length();
        if (end > lineStarts[checked - 1] && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The text of the 1-based {@code line} without its line break. */
    public String lineText(int line) {
        return text.substring(lineStartOffset(line), lineEndOffset(line));
    }

    /** A span over {@code [start, end)} with its line and column resolved. */
    public Span span(int start, int end) {
        int from = clamp(start);
        int to = Math.max(from, clamp(end));
        return new Span(name, from, to, lineOf(from), columnOf(from));
    }

    /** A zero-width span at {@code offset}. */
    public Span point(int offset) {
        return span(offset, offset);
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }

    private int checkLine(int line) {
        if (line < 1 || line > lineStarts.length) {
            throw new IndexOutOfBoundsException("line " + line + " outside 1.." + lineStarts.length);
        }
        return line;
    }

    private static int[] computeLineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile that && name.equals(that.name) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, text);
    }

    @Override
    public String toString() {
        return "SourceFile[" + name + ", " + text.length() + " chars]";
    }
}
