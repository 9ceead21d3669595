/**
 * Drift between the ledger and what storage holds, as {@code refresh}, {@code import} and
 * {@code status} see it: observation of each declared graph (missing root, live schema matching
 * or not the desired one, observation error) and verification of catalog payloads (missing,
 * content mismatch, unreadable), with the ledger each finding leads to and the diagnostics. The
 * application performs the reads; these functions decide.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json},
 * {@code dev.omnigraph.domain.lang}, {@code dev.omnigraph.domain.cluster},
 * {@code dev.omnigraph.domain.cluster.config}, {@code dev.omnigraph.domain.cluster.state}.
 */
package dev.omnigraph.domain.cluster.drift;
