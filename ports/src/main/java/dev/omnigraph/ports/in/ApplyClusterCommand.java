package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/**
 * @param configDir the directory holding {@code cluster.yaml}
 * @param actor recorded on graph commits, sidecars, tombstones and recovery records (apply works without one)
 */
public record ApplyClusterCommand(String configDir, Optional<String> actor) {
    public ApplyClusterCommand {
        Arguments.requireText(configDir, "config directory");
        Objects.requireNonNull(actor, "actor");
    }
}
