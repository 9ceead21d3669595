package dev.omnigraph.domain.query.plan;

import dev.omnigraph.domain.lang.Diagnostic;
import dev.omnigraph.domain.lang.DiagnosticException;

import java.util.List;

/**
 * A mutation plan that typechecks but that the engine refuses before any I/O (codes {@code Q201},
 * {@code Q202}). The reference reports these as {@code Manifest} errors with the same messages.
 */
public final class MutationRejectedException extends DiagnosticException {

    private static final long serialVersionUID = 1L;

    public MutationRejectedException(Diagnostic diagnostic) {
        super(List.of(diagnostic), null);
    }
}
