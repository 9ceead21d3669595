package dev.omnigraph.ports.in;

import java.util.Optional;

/** A graph commit as the CLI and HTTP show it ({@code created_at} in microseconds since the epoch). */
public record CommitResult(String graphCommitId, String branch, long manifestVersion, Optional<String> parentCommitId,
                           Optional<String> mergedParentCommitId, Optional<String> actorId, long createdAtMicros) {}
