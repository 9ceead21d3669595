package dev.omnigraph.ports.out;

/** JSON text that could not be decoded. */
public final class MalformedJsonException extends MalformedTextException {
    public MalformedJsonException(String source, int line, int column, String reason) {
        super("JSON", source, line, column, reason);
    }
}
