package dev.omnigraph.domain.cluster.serving;

import dev.omnigraph.domain.cluster.state.RecoverySidecar;

import java.util.Objects;

/** A recovery sidecar that decoded, and where it is stored (its location names it in diagnostics). */
public record StoredSidecar(String location, RecoverySidecar sidecar) {

    public StoredSidecar {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sidecar, "sidecar");
    }
}
