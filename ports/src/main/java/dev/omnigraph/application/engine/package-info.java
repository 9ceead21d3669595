/**
 * The graph engine: init, open, load, export and history of one graph stored as tables (one per node
 * and edge type incarnation) plus the {@code __manifest} table, with schema files and recovery sidecars
 * beside them. Every graph change becomes visible through one manifest publish guarded by
 * compare-and-swap on the branch head.
 *
 * <p>Layer: application. Allowed dependencies: domain, ports, the JDK, the SLF4J API.
 */
package dev.omnigraph.application.engine;
