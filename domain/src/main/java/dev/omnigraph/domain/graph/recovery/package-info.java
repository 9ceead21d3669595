/**
 * Crash recovery of staged graph writes, as pure values and decisions.
 *
 * <p>Every writer that makes a durable table effect before its manifest publish first writes a recovery
 * sidecar ({@code __recovery/<operation_id>.json}, {@link dev.omnigraph.domain.graph.recovery.RecoverySidecar}):
 * Phase A arms it, Phase B commits the tables and confirms the sidecar, Phase C publishes, Phase D deletes
 * it. A sidecar still on disk therefore names an interrupted operation. The sweep observes the tables and
 * the branch's manifest ({@link dev.omnigraph.domain.graph.recovery.TableObservation},
 * {@link dev.omnigraph.domain.graph.recovery.ManifestObservation}) and asks
 * {@link dev.omnigraph.domain.graph.recovery.SweepClassifier} what to do: the answer is a
 * {@link dev.omnigraph.domain.graph.recovery.SweepDecision}, all-or-nothing per sidecar. Completed recoveries
 * are recorded as {@link dev.omnigraph.domain.graph.recovery.RecoveryAuditRecord} rows.
 *
 * <p>Nothing here reads storage or a clock: observations, ids and timestamps arrive as arguments, so every
 * crash window can be replayed as a table of inputs.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.graph} (table
 * identities) and {@code dev.omnigraph.domain.json} (the persisted shapes).
 */
package dev.omnigraph.domain.graph.recovery;
