package dev.omnigraph.ports.in;

/**
 * The read-only serving snapshot a server boots from (behavioural notes §7.1–7.2): exactly the applied
 * revision of a cluster's ledger, with every catalog payload it serves re-read and re-verified. It takes
 * no lock (the ledger is replaced atomically, so one read is a consistent revision; a held lock is not a
 * boot error), never runs the recovery sweep and writes nothing: a pending recovery quarantines its
 * graph, anything serving cannot bound refuses the whole cluster. Findings are diagnostics, never
 * exceptions; the result is ready iff none of them is an error. Thread-safe: it keeps no state.
 */
public interface ReadServingSnapshotUseCase {

    ServingSnapshotResult readServingSnapshot(ServingSnapshotQuery query);
}
