package dev.omnigraph.ports.in;

import dev.omnigraph.domain.Arguments;
import java.util.Objects;
import java.util.Optional;

/**
 * @param graphUri the graph
 * @param branch the branch whose latest snapshot to read (ignored when {@code snapshotId} is given)
 * @param snapshotId an exact snapshot ({@code manifest:<branch>:v<N>}) to read instead
 * @param sourceName the query source's name, for messages
 * @param querySource the {@code .gq} text
 * @param queryName the query to run; empty runs the file's only query
 * @param paramsJson a JSON object of parameters ({@code {}} for none)
 */
public record QueryGraphCommand(String graphUri, String branch, Optional<String> snapshotId, String sourceName,
                                String querySource, Optional<String> queryName, String paramsJson) {
    public QueryGraphCommand {
        Arguments.requireText(graphUri, "graph URI");
        Arguments.requireText(branch, "branch");
        Objects.requireNonNull(snapshotId, "snapshotId");
        Arguments.requireText(sourceName, "source name");
        Objects.requireNonNull(querySource, "querySource");
        Objects.requireNonNull(queryName, "queryName");
        Objects.requireNonNull(paramsJson, "paramsJson");
    }
}
