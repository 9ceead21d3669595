package dev.omnigraph.domain.cluster.config;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of reading {@code cluster.yaml}: the parsed config, or the error diagnostics that
 * stopped parsing (duplicate keys, reserved or removed keys, or shape errors). Nothing after a
 * rejection is validated, as in the reference.
 */
public sealed interface ConfigRead {

    record Parsed(ClusterConfig config) implements ConfigRead {
        public Parsed {
            Objects.requireNonNull(config, "config");
        }
    }

    record Rejected(List<ClusterDiagnostic> diagnostics) implements ConfigRead {
        public Rejected {
            diagnostics = List.copyOf(diagnostics);
            if (diagnostics.isEmpty()) {
                throw new IllegalArgumentException("a rejection carries at least one diagnostic");
            }
        }
    }
}
