package dev.omnigraph.domain.cluster.drift;

import dev.omnigraph.domain.cluster.state.LifecycleStatus;
import dev.omnigraph.domain.cluster.state.StatusConditions;

/**
 * How a declared graph relates to its desired schema after observation, with the status and
 * condition written for both {@code graph.<id>} and {@code schema.<id>}.
 */
public enum GraphDrift {
    /** The root is missing: resources forgotten, so the next plan re-creates an empty graph. */
    GRAPH_MISSING(LifecycleStatus.DRIFTED, StatusConditions.GRAPH_MISSING),
    /** The live schema differs from the desired one: the next plan migrates it back. */
    SCHEMA_MISMATCH(LifecycleStatus.DRIFTED, StatusConditions.SCHEMA_MISMATCH),
    /** The live schema is the desired one. */
    IN_SYNC(LifecycleStatus.APPLIED, null),
    /** The graph did not open: resources untouched, the command fails. */
    OBSERVATION_ERROR(LifecycleStatus.ERROR, StatusConditions.GRAPH_OBSERVATION_ERROR);

    private final LifecycleStatus status;
    private final String condition;

    GraphDrift(LifecycleStatus status, String condition) {
        this.status = status;
        this.condition = condition;
    }

    public LifecycleStatus status() {
        return status;
    }

    /** The condition written with the status; {@code null} for {@link #IN_SYNC}. */
    public String condition() {
        return condition;
    }
}
