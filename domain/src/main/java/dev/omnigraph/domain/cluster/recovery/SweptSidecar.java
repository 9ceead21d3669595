package dev.omnigraph.domain.cluster.recovery;

import dev.omnigraph.domain.cluster.state.RecoverySidecar;

import java.util.Objects;

/** One decoded sidecar, where it lives, and what was observed about its graph root. */
public record SweptSidecar(String location, RecoverySidecar sidecar, GraphRootObservation root) {

    public SweptSidecar {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sidecar, "sidecar");
        Objects.requireNonNull(root, "root");
    }
}
