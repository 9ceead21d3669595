package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/** @param configDir the directory holding {@code cluster.yaml} */
public record PlanClusterCommand(String configDir) {
    public PlanClusterCommand {
        Arguments.requireText(configDir, "config directory");
    }
}
