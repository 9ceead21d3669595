package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/** A served graph's latest snapshot of {@code branch} ({@code main} when empty). */
public record ServedSnapshotQuery(String graphId, Optional<String> branch) {
    public ServedSnapshotQuery {
        Arguments.requireText(graphId, "graph id");
        Objects.requireNonNull(branch, "branch");
    }
}
