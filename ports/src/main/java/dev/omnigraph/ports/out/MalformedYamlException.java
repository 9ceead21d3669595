package dev.omnigraph.ports.out;

/** YAML text that could not be decoded; carries where (1-based line and column within the text). */
public final class MalformedYamlException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public MalformedYamlException(String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": malformed YAML: " + reason);
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
