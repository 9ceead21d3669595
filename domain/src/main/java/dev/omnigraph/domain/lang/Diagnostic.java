package dev.omnigraph.domain.lang;

import java.util.Objects;

/**
 * One finding about a source text: a stable code (documented in {@code docs/schema-language.md}
 * and the query-language docs), a severity, a human message and the span it points at.
 *
 * <p>{@code span} is {@code null} only for findings that have no place in any source (for example
 * a malformed persisted artefact); such diagnostics render without location or excerpt.
 */
public record Diagnostic(String code, Severity severity, String message, Span span) {

    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        if (code.isBlank()) {
            throw new IllegalArgumentException("diagnostic code must not be blank");
        }
    }

    public static Diagnostic error(String code, String message, Span span) {
        return new Diagnostic(code, Severity.ERROR, message, span);
    }

    public static Diagnostic warning(String code, String message, Span span) {
        return new Diagnostic(code, Severity.WARNING, message, span);
    }

    public boolean hasSpan() {
        return span != null;
    }

    /** The one-line header: {@code file:line:col: error[CODE]: message}. */
    public String header() {
        String prefix = span == null ? "" : span.location() + ": ";
        return prefix + severity.label() + "[" + code + "]: " + message;
    }

    /**
     * The header followed, when {@code source} is the file the span points into, by the source line
     * and a caret line underlining the span (clipped to that line, at least one caret):
     *
     * <pre>
     * schema.pg:3:6: error[S101]: duplicate type name 'Person'
     *   3 | node Person {
     *     |      ^^^^^^
     * </pre>
     */
    public String render(SourceFile source) {
        String header = header();
        if (span == null || source == null || !source.name().equals(span.file())
                || span.end() > source.length()) {
            return header;
        }
        int line = source.lineOf(span.start());
        int lineStart = source.lineStartOffset(line);
        int lineEnd = source.lineEndOffset(line);
        String lineText = source.lineText(line);
        String gutter = Integer.toString(line);
        String blankGutter = " ".repeat(gutter.length());

        StringBuilder caretLine = new StringBuilder();
        int caretStart = Math.min(span.start(), lineEnd);
        for (int i = lineStart; i < caretStart; ) {
            int codePoint = source.text().codePointAt(i);
            caretLine.append(codePoint == '\t' ? '\t' : ' ');
            i += Character.charCount(codePoint);
        }
        int caretEnd = Math.min(span.end(), lineEnd);
        int carets = caretEnd > caretStart ? source.text().codePointCount(caretStart, caretEnd) : 1;
        caretLine.append("^".repeat(carets));

        return header + "\n"
                + " " + gutter + " | " + lineText + "\n"
                + " " + blankGutter + " | " + caretLine;
    }
}
