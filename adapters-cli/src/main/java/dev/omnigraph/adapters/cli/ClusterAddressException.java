package dev.omnigraph.adapters.cli;

/**
 * {@code --cluster} (and {@code --graph}) do not name one applied graph: the cluster has no ledger, the id is not
 * applied, or several graphs need a {@code --graph}. Reported as {@code omnigraph: error: <message>}, exit 1;
 * nothing was touched.
 */
final class ClusterAddressException extends RuntimeException {

    ClusterAddressException(String message) {
        super(message);
    }
}
