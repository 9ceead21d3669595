package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

/** @param configDir the directory holding {@code cluster.yaml} (absolute, or relative to the working directory) */
public record ValidateClusterCommand(String configDir) {
    public ValidateClusterCommand {
        Arguments.requireText(configDir, "config directory");
    }
}
