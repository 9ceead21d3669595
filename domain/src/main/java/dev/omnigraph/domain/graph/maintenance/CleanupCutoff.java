package dev.omnigraph.domain.graph.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where {@code cleanup} cuts one table's history: versions below {@link #keepFromVersion} may be reclaimed,
 * the rest stay.
 *
 * @param keepFromVersion the oldest version that stays
 * @param reclaimable how many existing versions lie below it
 */
public record CleanupCutoff(long keepFromVersion, int reclaimable) {

    /**
     * Applies a policy to a table's existing versions.
     *
     * <ul>
     *   <li>{@code keepVersions = N} keeps the newest {@code max(N, 1)} existing versions (counted from the
     *       list, not by arithmetic on version numbers, which earlier cleanups made sparse).</li>
     *   <li>{@code olderThan = D} keeps every version from the first one committed at or after
     *       {@code now − D} on; a later version is never reclaimed because an earlier one looked younger
     *       (clocks may step back), so this errs towards keeping.</li>
     *   <li>With both, a version goes only if both would reclaim it.</li>
     *   <li>{@code floor}, when present, keeps everything from that version on: the versions a kept
     *       snapshot or a live branch still reads.</li>
     *   <li>The newest version is always kept.</li>
     * </ul>
     *
     * @throws IllegalArgumentException for a table without versions
     */
    public static CleanupCutoff of(CleanupPolicy policy, List<VersionStamp> versions, Instant now, OptionalLong floor) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(floor, "floor");
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a table has at least one version");
        }
        List<VersionStamp> ordered = new ArrayList<>(versions);
        ordered.sort(Comparator.comparingLong(VersionStamp::version));
        long newest = ordered.get(ordered.size() - 1).version();
        // a version goes only when every given window would reclaim it: keep from the smallest cutoff
        long keepFrom = Long.MAX_VALUE;
        if (policy.keepVersions().isPresent()) {
            long retain = Math.max(policy.keepVersions().getAsLong(), 1);
            keepFrom = Math.min(keepFrom, ordered.size() <= retain ? ordered.get(0).version()
                    : ordered.get((int) (ordered.size() - retain)).version());
        }
        if (policy.olderThan().isPresent()) {
            Duration age = policy.olderThan().get();
            Instant threshold = age.compareTo(Duration.between(Instant.MIN, now)) >= 0 ? Instant.MIN : now.minus(age);
            keepFrom = Math.min(keepFrom, ordered.stream().filter(v -> !v.committedAt().isBefore(threshold))
                    .findFirst().map(VersionStamp::version).orElse(newest));
        }
        if (floor.isPresent()) {
            keepFrom = Math.min(keepFrom, floor.getAsLong());
        }
        keepFrom = Math.min(keepFrom, newest);
        long cut = keepFrom;
        int reclaimable = (int) ordered.stream().filter(v -> v.version() < cut).count();
        return new CleanupCutoff(keepFrom, reclaimable);
    }
}
