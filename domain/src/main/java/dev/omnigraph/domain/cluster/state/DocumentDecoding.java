package dev.omnigraph.domain.cluster.state;

import java.util.Objects;

/**
 * The outcome of decoding a versioned control-plane file (lock, approval artifact, recovery
 * sidecar): the value, a shape problem (the reference's parse error text), or a well-formed file
 * of another version. The caller maps the last two to the code and severity its command uses.
 */
public sealed interface DocumentDecoding<T> {

    record Decoded<T>(T value) implements DocumentDecoding<T> {
        public Decoded {
            Objects.requireNonNull(value, "value");
        }
    }

    record Malformed<T>(String problem) implements DocumentDecoding<T> {
        public Malformed {
            Objects.requireNonNull(problem, "problem");
        }
    }

    record UnsupportedVersion<T>(long version) implements DocumentDecoding<T> {
    }
}
