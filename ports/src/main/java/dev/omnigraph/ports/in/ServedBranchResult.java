package dev.omnigraph.ports.in;

import java.util.Objects;
import java.util.Optional;

/**
 * The reference's {@code BranchCreateOutput} (with {@code from}) and {@code BranchDeleteOutput} (without).
 */
public record ServedBranchResult(String uri, String name, Optional<String> from, Optional<String> actorId) {
    public ServedBranchResult {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(actorId, "actorId");
    }
}
