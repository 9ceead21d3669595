/**
 * The typed logical plan the query executor runs: a match pipeline of node scans, expansions,
 * filters and anti-joins, then projection or aggregation, ordering and limit; and typed
 * insert/update/delete operations for mutation queries.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list and the other
 * {@code dev.omnigraph.domain.query} packages. Planning happens after typechecking and never fails
 * on a checked query; the static mutation rules the engine enforces before any I/O live in
 * {@link dev.omnigraph.domain.query.plan.MutationRules}.
 */
package dev.omnigraph.domain.query.plan;
