/**
 * What the rest of the system learns about a compiled query without running it: its result shape
 * and the graph types it reads and writes (the lint {@code operation}), and the stored-query catalog
 * entry the server lists ({@code GET /queries}).
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json} (the
 * wire shapes are built as JSON trees) and the other {@code dev.omnigraph.domain.query} packages.
 */
package dev.omnigraph.domain.query.descriptor;
