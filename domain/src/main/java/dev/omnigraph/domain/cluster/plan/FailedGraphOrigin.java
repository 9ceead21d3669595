package dev.omnigraph.domain.cluster.plan;

/** Which graph-moving step failed (or was skipped after an earlier failure) for a graph in this run. */
public enum FailedGraphOrigin {
    GRAPH_CREATE,
    SCHEMA_APPLY,
    GRAPH_DELETE
}
