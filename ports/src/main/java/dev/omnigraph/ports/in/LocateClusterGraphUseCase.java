package dev.omnigraph.ports.in;

/**
 * Where an applied graph of a cluster lives, for the storage-plane maintenance commands ({@code optimize},
 * {@code repair}, {@code cleanup} with {@code --cluster} and {@code --graph}; cluster notes §2.8). Reads the
 * ledger only: no catalog verification and no recovery check, because a degraded cluster is exactly when an
 * operator reaches for {@code repair}. No lock, no write. Findings are diagnostics, never exceptions.
 */
public interface LocateClusterGraphUseCase {

    LocateClusterGraphResult locateGraph(LocateClusterGraphQuery query);
}
