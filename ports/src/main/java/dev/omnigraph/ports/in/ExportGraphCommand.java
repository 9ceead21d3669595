package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param graphUri the graph
 * @param branch the branch to export (its latest snapshot unless {@code snapshotId} is given)
 * @param snapshotId an exact snapshot ({@code manifest:<branch>:v<N>}) to export instead
 * @param typeNames node and edge types to export (empty = all)
 */
public record ExportGraphCommand(String graphUri, String branch, Optional<String> snapshotId, List<String> typeNames) {
    public ExportGraphCommand {
        Arguments.requireText(graphUri, "graph URI");
        Arguments.requireText(branch, "branch");
        Objects.requireNonNull(snapshotId, "snapshotId");
        typeNames = List.copyOf(typeNames);
    }
}
