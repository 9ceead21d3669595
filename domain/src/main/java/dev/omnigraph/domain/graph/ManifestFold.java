package dev.omnigraph.domain.graph;

import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.ManifestEntry.BranchHead;
import dev.omnigraph.domain.graph.ManifestEntry.CommitRecord;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.ManifestEntry.TableRegistration;
import dev.omnigraph.domain.graph.ManifestEntry.TableTombstone;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reconstructs a {@link GraphSnapshot} from the manifest rows visible at one manifest version, as the
 * reference does: for every table lifetime, the latest published version, unless a tombstone of that
 * lifetime at or after it exists; joined to its registration for alias and location. The head is the
 * branch's {@code graph_head} row, or for a branch without one yet the newest inherited commit.
 */
public final class ManifestFold {

    private ManifestFold() {}

    /**
     * @throws ManifestIntegrityException if two live lifetimes share an alias or a published version has
     *     no registration
     */
    public static GraphSnapshot snapshot(String branch, long manifestVersion, List<ManifestEntry> rows) {
        Map<TableIdentity, TableRegistration> registrations = new HashMap<>();
        Map<TableIdentity, PublishedTableVersion> latest = new HashMap<>();
        Map<TableIdentity, Long> tombstonedFrom = new HashMap<>();
        Map<String, GraphCommit> commits = new HashMap<>();
        Optional<BranchHead> head = Optional.empty();
        for (ManifestEntry row : rows) {
            if (row instanceof TableRegistration registration) {
                registrations.put(registration.identity(), registration);
            } else if (row instanceof PublishedTableVersion version) {
                latest.merge(version.identity(), version, (a, b) -> a.version() >= b.version() ? a : b);
            } else if (row instanceof TableTombstone tombstone) {
                tombstonedFrom.merge(tombstone.identity(), tombstone.version(), Math::max);
            } else if (row instanceof CommitRecord commit) {
                commits.put(commit.commit().id(), commit.commit());
            } else if (row instanceof BranchHead branchHead && branchHead.branch().equals(branch)) {
                head = Optional.of(branchHead);
            }
        }
        Map<TableIdentity, VisibleTable> visible = new HashMap<>();
        Set<String> aliases = new HashSet<>();
        for (PublishedTableVersion version : latest.values()) {
            Long tombstone = tombstonedFrom.get(version.identity());
            if (tombstone != null && tombstone >= version.version()) {
                continue;
            }
            TableRegistration registration = registrations.get(version.identity());
            if (registration == null) {
                throw new ManifestIntegrityException("published version " + version.objectId() + " has no registration");
            }
            if (!aliases.add(registration.tableKey())) {
                throw new ManifestIntegrityException("two live tables share the alias " + registration.tableKey());
            }
            visible.put(version.identity(), new VisibleTable(registration, version));
        }
        Optional<GraphCommit> headCommit = head.isPresent()
                ? Optional.ofNullable(commits.get(head.get().headCommitId()))
                : inheritedHead(commits.values());
        return new GraphSnapshot(branch, manifestVersion, headCommit, visible);
    }

    /**
     * The head of a branch that has no head row of its own yet (a branch is created by forking the manifest
     * only; its first commit writes its row): the newest commit it inherited, which is its source's head at the
     * fork, since the fork sees only the commits its source saw then.
     */
    public static Optional<GraphCommit> inheritedHead(Collection<GraphCommit> visibleCommits) {
        return visibleCommits.stream().min(NEWEST_FIRST);
    }

    /**
     * The commits reachable from a branch head by first and merged parents, newest first (by manifest
     * version, then creation time, then id — the reference's total order).
     */
    public static List<GraphCommit> history(String headCommitId, List<ManifestEntry> rows) {
        Map<String, GraphCommit> commits = new HashMap<>();
        for (ManifestEntry row : rows) {
            if (row instanceof CommitRecord record) {
                commits.put(record.commit().id(), record.commit());
            }
        }
        List<GraphCommit> reachable = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> frontier = new ArrayList<>(List.of(headCommitId));
        while (!frontier.isEmpty()) {
            String id = frontier.remove(frontier.size() - 1);
            if (!seen.add(id)) {
                continue;
            }
            GraphCommit commit = commits.get(id);
            if (commit == null) {
                continue;
            }
            reachable.add(commit);
            commit.parentId().ifPresent(frontier::add);
            commit.mergedParentId().ifPresent(frontier::add);
        }
        reachable.sort(NEWEST_FIRST);
        return reachable;
    }

    /** Newest first: greatest (manifest version, created at, id). */
    public static final Comparator<GraphCommit> NEWEST_FIRST = Comparator
            .comparingLong(GraphCommit::manifestVersion)
            .thenComparingLong(GraphCommit::createdAtMicros)
            .thenComparing(GraphCommit::id)
            .reversed();
}
