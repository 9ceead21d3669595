package dev.omnigraph.ports.in;

import java.util.List;

/**
 * @param graphUri the graph's location
 * @param commitId the genesis commit
 * @param snapshotId the snapshot after init ({@code manifest:main:v1})
 * @param nodeTypes node types created, in schema order
 * @param edgeTypes edge types created, in schema order
 */
public record InitGraphResult(String graphUri, String commitId, String snapshotId, List<String> nodeTypes,
                              List<String> edgeTypes) {
    public InitGraphResult {
        nodeTypes = List.copyOf(nodeTypes);
        edgeTypes = List.copyOf(edgeTypes);
    }
}
