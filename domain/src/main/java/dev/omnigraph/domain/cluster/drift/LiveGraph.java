package dev.omnigraph.domain.cluster.drift;

import java.util.Objects;

/**
 * A declared graph's derived root as observed read-only on branch {@code main}: missing, opened
 * (main manifest version and SHA-256 hex of its live schema source), or failing to open.
 */
public sealed interface LiveGraph {

    record Missing() implements LiveGraph {
    }

    record Observed(long manifestVersion, String schemaDigest) implements LiveGraph {
        public Observed {
            Objects.requireNonNull(schemaDigest, "schemaDigest");
        }
    }

    record ObservationFailed(String error) implements LiveGraph {
        public ObservationFailed {
            Objects.requireNonNull(error, "error");
        }
    }
}
