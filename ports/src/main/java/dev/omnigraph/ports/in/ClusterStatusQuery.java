package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/** @param configDir the directory holding {@code cluster.yaml} */
public record ClusterStatusQuery(String configDir) {
    public ClusterStatusQuery {
        Arguments.requireText(configDir, "config directory");
    }
}
