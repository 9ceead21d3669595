package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Export of a served graph's branch ({@code main} when empty), restricted to {@code typeNames} when not empty. */
public record ServedExportCommand(String graphId, Optional<String> branch, List<String> typeNames) {
    public ServedExportCommand {
        Arguments.requireText(graphId, "graph id");
        Objects.requireNonNull(branch, "branch");
        typeNames = List.copyOf(typeNames);
    }
}
