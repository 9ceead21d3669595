package dev.omnigraph.ports.out;

/** YAML text that could not be decoded. */
public final class MalformedYamlException extends MalformedTextException {
    public MalformedYamlException(String source, int line, int column, String reason) {
        super("YAML", source, line, column, reason);
    }
}
