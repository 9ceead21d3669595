package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/**
 * @param graphId the served graph
 * @param querySource the {@code .gq} text
 * @param queryName the query to run; empty runs the source's only query
 * @param paramsJson a JSON object of parameters ({@code {}} for none)
 * @param branch the branch to read ({@code main} when both it and {@code snapshot} are empty)
 * @param snapshot an exact snapshot to read instead
 */
public record ServedReadCommand(String graphId, String querySource, Optional<String> queryName, String paramsJson,
                                Optional<String> branch, Optional<String> snapshot) {
    public ServedReadCommand {
        Arguments.requireText(graphId, "graph id");
        Objects.requireNonNull(querySource, "querySource");
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(paramsJson, "paramsJson");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
