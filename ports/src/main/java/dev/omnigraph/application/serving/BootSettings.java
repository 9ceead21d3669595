package dev.omnigraph.application.serving;

import dev.omnigraph.domain.Arguments;
import dev.omnigraph.domain.access.BearerTokenTable;
import java.util.Objects;

/**
 * What a server boot is told (cluster-server notes §7.1, §7.3, §8).
 *
 * @param cluster the {@code --cluster} argument: a config folder or a storage-root URI
 * @param requireAllGraphs strict boot: any quarantine refuses the whole boot
 * @param allowUnauthenticated {@code --unauthenticated} / {@code OMNIGRAPH_UNAUTHENTICATED}
 * @param tokens the configured bearer tokens (hashed), possibly none
 * @param admission the per-actor admission limits of writes
 */
public record BootSettings(String cluster, boolean requireAllGraphs, boolean allowUnauthenticated,
                           BearerTokenTable tokens, AdmissionControl admission) {
    public BootSettings {
        Arguments.requireText(cluster, "cluster");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(admission, "admission");
    }
}
