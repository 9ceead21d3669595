package dev.omnigraph.domain.lang;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Base of every domain failure that is explained by one or more {@link Diagnostic}s with stable
 * codes. The message is the rendered diagnostics (with caret excerpts when the source is known), so
 * logging {@link #getMessage()} is always enough for a reader to find the problem.
 */
public abstract class DiagnosticException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Diagnostic> diagnostics;
    private final transient SourceFile source;

    protected DiagnosticException(List<Diagnostic> diagnostics, SourceFile source) {
        super(renderAll(diagnostics, source));
        this.diagnostics = List.copyOf(diagnostics);
        this.source = source;
    }

    private static String renderAll(List<Diagnostic> diagnostics, SourceFile source) {
        Objects.requireNonNull(diagnostics, "diagnostics");
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a diagnostic exception needs at least one diagnostic");
        }
        return diagnostics.stream().map(d -> d.render(source)).collect(Collectors.joining("\n"));
    }

    /** Every diagnostic, the primary one first. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The first (primary) diagnostic. */
    public Diagnostic primary() {
        return diagnostics.get(0);
    }

    /** Code of the primary diagnostic. */
    public String code() {
        return primary().code();
    }

    /** The source the diagnostics point into, or {@code null} when they are location-free. */
    public SourceFile source() {
        return source;
    }
}
