/**
 * Crash recovery of graph-moving apply operations: the life of a recovery sidecar as a
 * transition table, and the roll-forward-only sweep that classifies surviving sidecars from what
 * was observed about their graph root (absent, opens with a live schema digest, does not open)
 * and the ledger, returning the row, the ledger it leads to and what to do with the sidecar.
 * The cluster never rolls a graph back: it converges the ledger to observable reality or refuses
 * loudly and blocks graph-moving work on that graph.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.json},
 * {@code dev.omnigraph.domain.lang}, {@code dev.omnigraph.domain.cluster},
 * {@code dev.omnigraph.domain.cluster.state}.
 */
package dev.omnigraph.domain.cluster.recovery;
