package dev.omnigraph.ports.out.table;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where a write goes: a table location, a branch, and optionally the version the writer read. With an
 * expected version the write fails with {@link CommitConflictException} if the branch's latest version is
 * another one when the write starts, so a writer never applies a decision taken on stale data.
 */
public record WriteTarget(String location, String branch, OptionalLong expectedVersion) {
    public WriteTarget {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }

    public static WriteTarget unconditional(String location, String branch) {
        return new WriteTarget(location, branch, OptionalLong.empty());
    }

    public static WriteTarget expecting(String location, String branch, long version) {
        return new WriteTarget(location, branch, OptionalLong.of(version));
    }
}
