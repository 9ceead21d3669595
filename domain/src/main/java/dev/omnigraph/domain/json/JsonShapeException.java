package dev.omnigraph.domain.json;

import dev.omnigraph.domain.lang.Diagnostic;
import dev.omnigraph.domain.lang.DiagnosticException;

import java.util.List;

/**
 * A JSON tree does not have the shape a domain decoder expects (missing field, wrong kind, value
 * out of range). Carries one location-free diagnostic with code {@value #CODE}.
 */
public final class JsonShapeException extends DiagnosticException {

    private static final long serialVersionUID = 1L;

    /** The stable code of every JSON shape error. */
    public static final String CODE = "J001";

    public JsonShapeException(String message) {
        super(List.of(Diagnostic.error(CODE, message, null)), null);
    }

    static JsonShapeException expected(String expectedKind, JsonValue found) {
        return new JsonShapeException("expected a JSON " + expectedKind + ", found " + found.kind());
    }
}
