package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/** Creates branch {@code name} from {@code from} ({@code main} when empty). */
public record ServedBranchCreateCommand(String graphId, String name, Optional<String> from) {
    public ServedBranchCreateCommand {
        Arguments.requireText(graphId, "graph id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
    }
}
