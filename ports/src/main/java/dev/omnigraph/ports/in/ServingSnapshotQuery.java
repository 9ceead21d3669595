package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/**
 * @param cluster the {@code --cluster} argument as given: containing {@code ://} it is the storage root
 *                itself (config-free serving: the ledger and catalog are the deployment artifact);
 *                otherwise a config directory whose {@code cluster.yaml} is read only for its
 *                {@code storage:} (the directory itself when there is none or the file does not parse)
 */
public record ServingSnapshotQuery(String cluster) {
    public ServingSnapshotQuery {
        Arguments.requireText(cluster, "cluster");
    }

    /** Whether the argument names a storage root rather than a config directory. */
    public boolean isStorageRootUri() {
        return cluster.contains("://");
    }
}
