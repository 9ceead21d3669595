package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/**
 * @param graphUri the graph
 * @param branch the branch to change
 * @param sourceName the query source's name, for messages
 * @param querySource the {@code .gq} text
 * @param queryName the mutation to run; empty runs the file's only query
 * @param paramsJson a JSON object of parameters ({@code {}} for none)
 * @param expectedHead when present, the write happens only if this is still the branch's head commit
 *     (otherwise {@code precondition_failed} with no effect)
 * @param actor who the commit is attributed to
 */
public record MutateGraphCommand(String graphUri, String branch, String sourceName, String querySource,
                                 Optional<String> queryName, String paramsJson, Optional<String> expectedHead,
                                 Optional<String> actor) {
    public MutateGraphCommand {
        Arguments.requireText(graphUri, "graph URI");
        Arguments.requireText(branch, "branch");
        Arguments.requireText(sourceName, "source name");
        Objects.requireNonNull(querySource, "querySource");
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(paramsJson, "paramsJson");
        Objects.requireNonNull(expectedHead, "expectedHead");
        Objects.requireNonNull(actor, "actor");
    }
}
