/**
 * Plan and apply decisions: the digest diff between ledger and desired revision (plus the
 * metadata-only policy-binding and embedding-profile changes), the disposition each change gets
 * (applied, derived, deferred, blocked and why), approval gates and approval validity, blast
 * radius, the demotion of dependents after a failed graph-moving step, the ordered apply plan, and
 * the ledger transition an apply run ends with (statuses, tombstones, composite recompute,
 * convergence, whether to write). All pure functions of their arguments.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json},
 * {@code dev.omnigraph.domain.lang}, {@code dev.omnigraph.domain.cluster},
 * {@code dev.omnigraph.domain.cluster.config}, {@code dev.omnigraph.domain.cluster.state}.
 */
package dev.omnigraph.domain.cluster.plan;
