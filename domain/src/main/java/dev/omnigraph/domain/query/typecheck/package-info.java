/**
 * Static checking of parsed queries against a schema, with the reference's typecheck codes
 * {@code T1}–{@code T24} (plus {@code Q1xx} for the few checks the reference leaves uncoded).
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.lang},
 * {@code dev.omnigraph.domain.query.ast}/{@code parse}, and {@code dev.omnigraph.domain.schema.ir}
 * (only to build the {@link dev.omnigraph.domain.query.typecheck.QueryCatalog} view). Like the
 * reference, checking stops at the first error of a query; the error is a
 * {@link dev.omnigraph.domain.lang.LanguageException} positioned at the offending node.
 */
package dev.omnigraph.domain.query.typecheck;
