/**
 * The {@code .gq} query language: the entry points that take query text to a checked, planned query,
 * and the catalogue of its stable diagnostic codes.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list and {@code dev.omnigraph.domain.lang}
 * (source files, spans, diagnostics, lexer) and {@code dev.omnigraph.domain.schema.ir} (the schema the
 * queries are checked against). Subpackages: {@code ast} (syntax tree), {@code parse} (parser and
 * printer), {@code typecheck} (T-codes), {@code plan} (the logical plan the executor runs),
 * {@code lint} (the {@code omnigraph lint} report) and {@code descriptor} (what the server lists).
 */
package dev.omnigraph.domain.query;
