package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/**
 * @param graphId the served graph
 * @param name the stored query
 * @param paramsJson a JSON object of parameters ({@code {}} for none)
 * @param branch the branch to read or change ({@code main} when empty)
 * @param snapshot an exact snapshot to read (refused for a mutation)
 * @param expectMutation when present, the query's kind must match (400 otherwise)
 * @param expectedHead for the conditional route (mutations only): write only if this is still the head
 */
public record InvokeStoredQueryCommand(String graphId, String name, String paramsJson, Optional<String> branch,
                                       Optional<String> snapshot, Optional<Boolean> expectMutation,
                                       Optional<String> expectedHead) {
    public InvokeStoredQueryCommand {
        Arguments.requireText(graphId, "graph id");
        Arguments.requireText(name, "stored query name");
        Objects.requireNonNull(paramsJson, "paramsJson");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(expectMutation, "expectMutation");
        Objects.requireNonNull(expectedHead, "expectedHead");
    }
}
