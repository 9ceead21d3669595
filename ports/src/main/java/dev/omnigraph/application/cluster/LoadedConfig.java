package dev.omnigraph.application.cluster;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;
import dev.omnigraph.domain.cluster.ClusterLayout;
import dev.omnigraph.domain.cluster.config.ClusterSettings;
import dev.omnigraph.domain.cluster.config.DesiredCluster;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a config directory produced: the settings once the header parsed (with the storage root
 * resolved against the config directory), the desired revision once the referenced files were read
 * (full reads only), and every finding so far in the reference's order.
 */
record LoadedConfig(String configDir, Optional<ClusterSettings> settings, Optional<String> storageRoot,
                    Optional<DesiredCluster> desired, List<ClusterDiagnostic> diagnostics) {

    LoadedConfig {
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(storageRoot, "storageRoot");
        Objects.requireNonNull(desired, "desired");
        diagnostics = List.copyOf(diagnostics);
    }

    String configFile() {
        return configDir + "/" + ClusterLayout.CONFIG_FILE;
    }

    boolean ok() {
        return !ClusterDiagnostic.anyError(diagnostics);
    }

    /** Where the ledger would be, for observations reported before storage was touched. */
    String statePath() {
        return storageRoot.orElse(configDir) + "/" + ClusterLayout.STATE_FILE;
    }

    String lockPath() {
        return storageRoot.orElse(configDir) + "/" + ClusterLayout.LOCK_FILE;
    }
}
