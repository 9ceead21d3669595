package dev.omnigraph.adapters.cli;

/**
 * A command addressed a graph that a cluster manages and only {@code cluster apply} may create or migrate.
 * Reported as {@code omnigraph: error: <message>} with exit code 1; nothing was written.
 */
final class ClusterManagedGraphException extends RuntimeException {

    ClusterManagedGraphException(String message) {
        super(message);
    }
}
