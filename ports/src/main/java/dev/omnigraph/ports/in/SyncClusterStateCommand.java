package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import dev.omnigraph.domain.cluster.drift.StateSync;
import java.util.Objects;
import java.util.Optional;

/**
 * @param configDir the directory holding {@code cluster.yaml}
 * @param operation {@code refresh} (a ledger must exist) or {@code import} (it must not)
 * @param actor recorded on sweep roll-forwards
 */
public record SyncClusterStateCommand(String configDir, StateSync operation, Optional<String> actor) {
    public SyncClusterStateCommand {
        Arguments.requireText(configDir, "config directory");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(actor, "actor");
    }
}
