package dev.omnigraph.domain.graph.recovery;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the sweep saw of the sidecar's branch in the graph manifest, read fresh under the branch's write gate.
 *
 * @param branchExists whether the sidecar's branch is still in the manifest's branch list (always true for main);
 *     decide orphan-hood from the list, never from a failed open, which may be a transient storage error
 * @param manifestVersion the branch manifest's current version
 * @param graphHead the branch's current head commit
 * @param graphCommitPublished whether the sidecar's {@code graph_commit_id} is in the branch's lineage
 * @param rollbackCommitPublished whether the sidecar's {@code rollback_graph_commit_id} is in the branch's lineage
 * @param publishedVersions the version the branch's manifest publishes for each table key (pinned keys at least)
 */
public record ManifestObservation(boolean branchExists, long manifestVersion, Optional<String> graphHead,
                                  boolean graphCommitPublished, boolean rollbackCommitPublished,
                                  Map<String, Long> publishedVersions) {

    public ManifestObservation {
        Objects.requireNonNull(graphHead, "graphHead");
        publishedVersions = Map.copyOf(publishedVersions);
        if (!branchExists && (graphCommitPublished || rollbackCommitPublished || !publishedVersions.isEmpty())) {
            throw new IllegalArgumentException("a deleted branch has no lineage or published versions to observe");
        }
    }

    /** A branch that is live, on which neither of the sidecar's commits is published. */
    public static ManifestObservation live(long manifestVersion, Optional<String> graphHead,
                                           Map<String, Long> publishedVersions) {
        return new ManifestObservation(true, manifestVersion, graphHead, false, false, publishedVersions);
    }

    /** The sidecar's branch is no longer in the manifest's branch list. */
    public static ManifestObservation branchDeleted() {
        return new ManifestObservation(false, 0, Optional.empty(), false, false, Map.of());
    }

    public ManifestObservation withGraphCommitPublished() {
        return new ManifestObservation(branchExists, manifestVersion, graphHead, true, rollbackCommitPublished,
                publishedVersions);
    }

    public ManifestObservation withRollbackCommitPublished() {
        return new ManifestObservation(branchExists, manifestVersion, graphHead, graphCommitPublished, true,
                publishedVersions);
    }

    public OptionalLong publishedVersion(String tableKey) {
        Long version = publishedVersions.get(tableKey);
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }
}
