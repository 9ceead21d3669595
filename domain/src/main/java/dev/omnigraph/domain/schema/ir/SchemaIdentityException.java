package dev.omnigraph.domain.schema.ir;

import dev.omnigraph.domain.lang.Diagnostic;
import dev.omnigraph.domain.lang.DiagnosticException;
import dev.omnigraph.domain.lang.SourceFile;
import dev.omnigraph.domain.lang.Span;

import java.util.List;

/**
 * Schema identity cannot be established or preserved: a rename hint that cannot be honoured, an
 * exhausted allocator, malformed persisted IR, or an evolution that would change or reuse
 * identity. These are hard errors, never migration steps. Codes are {@code S2xx}
 * ({@link IdentityCodes}); the span points into the desired schema source when one is known.
 */
public final class SchemaIdentityException extends DiagnosticException {

    private static final long serialVersionUID = 1L;

    public SchemaIdentityException(String code, String message, Span span, SourceFile source) {
        super(List.of(Diagnostic.error(code, message, span)), span == null ? null : source);
    }

    public SchemaIdentityException(String code, String message) {
        this(code, message, null, null);
    }
}
