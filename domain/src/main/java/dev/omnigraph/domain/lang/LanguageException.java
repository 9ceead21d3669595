package dev.omnigraph.domain.lang;

import java.util.List;

/**
 * The only exception the {@code .pg} and {@code .gq} lexers, parsers and validators throw: the
 * source is not acceptable, and the diagnostics say where and why.
 */
public final class LanguageException extends DiagnosticException {

    private static final long serialVersionUID = 1L;

    public LanguageException(Diagnostic diagnostic, SourceFile source) {
        super(List.of(diagnostic), source);
    }

    public LanguageException(List<Diagnostic> diagnostics, SourceFile source) {
        super(diagnostics, source);
    }

    /** Shorthand for an error diagnostic at {@code span} of {@code source}. */
    public static LanguageException at(SourceFile source, Span span, String code, String message) {
        return new LanguageException(Diagnostic.error(code, message, span), source);
    }
}
