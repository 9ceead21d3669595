/**
 * {@code omnigraph lint} for query files: per-query status and warnings, file-level findings
 * ({@code Q000} parse error, {@code L201} unset nullable property) and the exact JSON report shape.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.lang},
 * {@code dev.omnigraph.domain.json} and the other {@code dev.omnigraph.domain.query} packages. Linting
 * never throws for bad query text: every problem becomes part of the report.
 */
package dev.omnigraph.domain.query.lint;
