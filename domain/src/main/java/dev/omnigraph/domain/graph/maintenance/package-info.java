/**
 * Graph maintenance decisions (engine notes §8.3), as pure values and functions: how a table's
 * published version relates to its storage head ({@link dev.omnigraph.domain.graph.maintenance.HeadDrift}),
 * what {@code optimize} does with each table ({@link dev.omnigraph.domain.graph.maintenance.OptimizeDecision}),
 * how {@code repair} judges and treats uncovered drift
 * ({@link dev.omnigraph.domain.graph.maintenance.RepairDecisions}), and which versions {@code cleanup} may
 * reclaim ({@link dev.omnigraph.domain.graph.maintenance.CleanupPolicy},
 * {@link dev.omnigraph.domain.graph.maintenance.CleanupCutoff},
 * {@link dev.omnigraph.domain.graph.maintenance.RetentionFloors},
 * {@link dev.omnigraph.domain.graph.maintenance.ForkReconciliation}).
 *
 * <p>Nothing here reads storage or a clock: versions, timestamps and "now" arrive as arguments.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.graph}.
 */
package dev.omnigraph.domain.graph.maintenance;
