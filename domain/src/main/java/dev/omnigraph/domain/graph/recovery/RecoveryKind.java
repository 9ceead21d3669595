package dev.omnigraph.domain.graph.recovery;

import java.util.Optional;

/** The {@code recovery_kind} of an audit row. */
public enum RecoveryKind {
    ROLLED_FORWARD("RolledForward"),
    ROLLED_BACK("RolledBack"),
    /** The sidecar's branch was deleted: its effects are unreachable and the sidecar is moot. */
    ORPHANED_BRANCH_DISCARDED("OrphanedBranchDiscarded");

    private final String columnValue;

    RecoveryKind(String columnValue) {
        this.columnValue = columnValue;
    }

    public String columnValue() {
        return columnValue;
    }

    public static Optional<RecoveryKind> fromColumnValue(String value) {
        for (RecoveryKind kind : values()) {
            if (kind.columnValue.equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
