package dev.omnigraph.domain.cluster.state;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A resource's lifecycle status in the ledger. The current control plane writes only
 * {@code applied}, {@code drifted}, {@code blocked} and {@code error}; the others are accepted on
 * read because the schema defines them.
 */
public enum LifecycleStatus {
    PENDING,
    PLANNED,
    APPLYING,
    APPLIED,
    DRIFTED,
    BLOCKED,
    ERROR;

    public static final List<String> LABELS = Arrays.stream(values()).map(LifecycleStatus::label).toList();

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LifecycleStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(status -> status.label().equals(label)).findFirst();
    }
}
