/**
 * Query execution: runs the domain's typed logical plans ({@code dev.omnigraph.domain.query.plan}) over
 * one graph snapshot read through {@link dev.omnigraph.application.query.GraphReader}, pushing
 * single-binding filters down to table scans and traversing edges over adjacency built per snapshot.
 *
 * <p>Layer: application. Allowed dependencies: domain, ports, the JDK, the SLF4J API.
 */
package dev.omnigraph.application.query;
