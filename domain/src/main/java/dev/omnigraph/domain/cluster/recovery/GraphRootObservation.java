package dev.omnigraph.domain.cluster.recovery;

import java.util.Objects;

/**
 * What the application observed about a sidecar's graph root before the sweep decides: it does
 * not exist, it opens read-only (with the SHA-256 hex of its live schema source), or it exists
 * but does not open.
 */
public sealed interface GraphRootObservation {

    record Absent() implements GraphRootObservation {
    }

    record Opened(String liveSchemaDigest) implements GraphRootObservation {
        public Opened {
            Objects.requireNonNull(liveSchemaDigest, "liveSchemaDigest");
        }
    }

    record Unopenable(String error) implements GraphRootObservation {
        public Unopenable {
            Objects.requireNonNull(error, "error");
        }
    }

    default boolean rootExists() {
        return !(this instanceof Absent);
    }
}
