/**
 * Query execution: runs the domain's typed logical plans ({@code dev.omnigraph.domain.query.plan}) over
 * one graph snapshot read through {@link dev.omnigraph.application.query.GraphReader}, pushing
 * single-binding filters down to table scans and traversing edges over adjacency built per snapshot.
 *
 * <p>Entry points: {@link dev.omnigraph.application.query.QueryExecutor} (runs a read plan into a
 * {@link dev.omnigraph.domain.query.result.QueryResult}), {@link dev.omnigraph.application.query.ParamBinder}
 * (JSON parameters to typed values), {@link dev.omnigraph.application.query.AdjacencyCache} (the shared
 * per-snapshot edge topologies). Failures are {@link dev.omnigraph.application.query.QueryExecutionException}s
 * with stable {@link dev.omnigraph.application.query.QueryErrorCode}s; storage failures keep the table
 * port's own exception types.
 *
 * <p>Layer: application. Allowed dependencies: domain, ports, the JDK, the SLF4J API. No I/O other than
 * through the {@code GraphReader}.
 */
package dev.omnigraph.application.query;
