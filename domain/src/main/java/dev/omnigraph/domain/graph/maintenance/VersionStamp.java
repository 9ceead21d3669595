package dev.omnigraph.domain.graph.maintenance;

import java.time.Instant;
import java.util.Objects;

/** One existing version of a table and when it was committed. */
public record VersionStamp(long version, Instant committedAt) {
    public VersionStamp {
        Objects.requireNonNull(committedAt, "committedAt");
    }
}
