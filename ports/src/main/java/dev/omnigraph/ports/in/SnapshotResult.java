package dev.omnigraph.ports.in;

import java.util.List;
import java.util.Optional;

/**
 * @param branch the branch
 * @param snapshotId {@code manifest:<branch>:v<N>}
 * @param manifestVersion N
 * @param headCommitId the branch head
 * @param tables every visible node and edge type with its published version and row count
 */
public record SnapshotResult(String branch, String snapshotId, long manifestVersion, Optional<String> headCommitId,
                             List<Table> tables) {
    public SnapshotResult {
        tables = List.copyOf(tables);
    }

    /** One visible type. */
    public record Table(String tableKey, long tableVersion, long rowCount) {}
}
