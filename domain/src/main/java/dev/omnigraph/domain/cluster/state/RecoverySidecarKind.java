package dev.omnigraph.domain.cluster.state;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The graph-moving operation a recovery sidecar fences. */
public enum RecoverySidecarKind {
    GRAPH_CREATE,
    SCHEMA_APPLY,
    GRAPH_DELETE;

    public static final List<String> LABELS = Arrays.stream(values()).map(RecoverySidecarKind::label).toList();

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecoverySidecarKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label().equals(label)).findFirst();
    }
}
