package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/**
 * @param graphId the served graph
 * @param querySource the {@code .gq} text
 * @param queryName the mutation to run; empty runs the source's only query
 * @param paramsJson a JSON object of parameters ({@code {}} for none)
 * @param branch the branch to change ({@code main} when empty)
 * @param expectedHead for the conditional route: write only if this is still the branch head (412 otherwise)
 */
public record ServedMutateCommand(String graphId, String querySource, Optional<String> queryName, String paramsJson,
                                  Optional<String> branch, Optional<String> expectedHead) {
    public ServedMutateCommand {
        Arguments.requireText(graphId, "graph id");
        Objects.requireNonNull(querySource, "querySource");
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(paramsJson, "paramsJson");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(expectedHead, "expectedHead");
    }
}
