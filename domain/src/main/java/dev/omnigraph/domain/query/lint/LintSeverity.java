package dev.omnigraph.domain.query.lint;

/** Severity of a lint finding; findings sort error, warning, info. */
public enum LintSeverity {
    ERROR, WARNING, INFO;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
