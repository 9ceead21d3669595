package dev.omnigraph.ports.out;

/**
 * Text a decoder port could not decode; carries where (1-based line and column within the text). The message is
 * {@code <source>:<line>:<column>: malformed <format>: <reason>}.
 */
public abstract class MalformedTextException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    protected MalformedTextException(String format, String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": malformed " + format + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
