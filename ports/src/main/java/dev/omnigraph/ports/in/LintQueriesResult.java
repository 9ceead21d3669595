package dev.omnigraph.ports.in;

import dev.omnigraph.domain.query.lint.LintReport;

/** The lint report (its JSON is the reference's {@code omnigraph lint --json} shape). */
public record LintQueriesResult(LintReport report) {}
