package dev.omnigraph.domain.cluster.state;

import dev.omnigraph.domain.cluster.ClusterDiagnostic;

import java.util.Objects;

/**
 * The outcome of decoding a ledger: the state, or the one error that refuses it
 * ({@code invalid_state_json}, {@code unsupported_state_version} or
 * {@code conflicting_graph_manifest_observation}).
 */
public sealed interface StateDecoding {

    record Decoded(ClusterState state) implements StateDecoding {
        public Decoded {
            Objects.requireNonNull(state, "state");
        }
    }

    record Rejected(ClusterDiagnostic diagnostic) implements StateDecoding {
        public Rejected {
            Objects.requireNonNull(diagnostic, "diagnostic");
        }
    }
}
