package dev.omnigraph.domain.cluster.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The control-plane settings a command needs before touching storage: whether to take the state
 * lock ({@code state.lock}, default true) and the normalised storage root (empty: the config
 * directory itself).
 */
public record ClusterSettings(boolean stateLock, Optional<String> storageRoot) {

    public ClusterSettings {
        Objects.requireNonNull(storageRoot, "storageRoot");
    }
}
