/**
 * The control plane's persisted documents under {@code __cluster/}: the state ledger
 * ({@code state.json}, strict schema version 1) with its resources, statuses, audit records and
 * observations; the state lock ({@code lock.json}); approval artifacts
 * ({@code approvals/<id>.json}); recovery sidecars ({@code recoveries/<op>.json}). Each has a
 * strict decoder from a generic JSON tree (unknown fields rejected at every level) that returns a
 * sealed outcome carrying the reference's diagnostic, and an encoder that writes the reference's
 * bytes (member order, {@code null}s, omitted options) so encode ∘ decode is the identity.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json},
 * {@code dev.omnigraph.domain.lang}, {@code dev.omnigraph.domain.cluster}.
 */
package dev.omnigraph.domain.cluster.state;
