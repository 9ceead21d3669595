package dev.omnigraph.domain.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an external Blob base may be dereferenced: {@code server_safe} (S3 only; a server keeps
 * only these) or {@code embedded_only} (may also name a local {@code file://} directory).
 * Declaration order is the tie-break order of equal base URIs.
 */
public enum ExternalBlobScope {
    SERVER_SAFE,
    EMBEDDED_ONLY;

    public static final List<String> LABELS = List.of("server_safe", "embedded_only");

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExternalBlobScope> fromLabel(String label) {
        for (ExternalBlobScope scope : values()) {
            if (scope.label().equals(label)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
