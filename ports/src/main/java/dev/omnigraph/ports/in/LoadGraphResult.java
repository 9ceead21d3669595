package dev.omnigraph.ports.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * @param branch the branch loaded into
 * @param nodesLoaded records loaded per node type
 * @param edgesLoaded records loaded per edge type
 * @param commitId the commit the load published (empty if the input held no records)
 * @param snapshotId the branch's snapshot after the load
 */
public record LoadGraphResult(String branch, Map<String, Long> nodesLoaded, Map<String, Long> edgesLoaded,
                              Optional<String> commitId, String snapshotId) {
    public LoadGraphResult {
        nodesLoaded = Collections.unmodifiableMap(new LinkedHashMap<>(nodesLoaded));
        edgesLoaded = Collections.unmodifiableMap(new LinkedHashMap<>(edgesLoaded));
    }
}
