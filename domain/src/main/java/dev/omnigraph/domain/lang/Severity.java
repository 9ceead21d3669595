package dev.omnigraph.domain.lang;

import java.util.Locale;

/** How serious a {@link Diagnostic} is; only {@link #ERROR} makes a source unacceptable. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    /** The lower-case label used in rendered diagnostics ({@code error}, {@code warning}, {@code note}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
