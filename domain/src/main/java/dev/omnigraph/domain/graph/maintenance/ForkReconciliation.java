package dev.omnigraph.domain.graph.maintenance;

import dev.omnigraph.domain.graph.BranchNames;
import dev.omnigraph.domain.graph.GraphSnapshot;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.TableIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a table's storage branch is still owned by the graph. A graph branch forks a table on its first
 * write (a storage branch named like the graph branch); the fork is published by that write's commit.
 * Two things leave a fork nobody reads: a branch delete that removed the graph branch but not all of its
 * forks, and a first write that forked and then died before publishing. {@code cleanup} reclaims such
 * orphans before it reclaims versions (an orphan pins the main version it started from).
 */
public final class ForkReconciliation {

    private ForkReconciliation() {}

    /** What to do with one storage branch of one table. */
    public enum ForkStatus {
        /** The graph branch exists and its snapshot reads this table from this fork. */
        OWNED,
        /** No live graph branch reads this fork: reclaim it. */
        ORPHAN,
        /** The engine's own branches: never touched. */
        INTERNAL
    }

    /**
     * @param forkBranch the storage branch's name
     * @param table the table lifetime the storage branch belongs to
     * @param liveBranches the graph's live branch names (main included or not; it is never a fork)
     * @param snapshots the current snapshot of each live branch that has one
     */
    public static ForkStatus classify(String forkBranch, TableIdentity table, Set<String> liveBranches,
                                      Map<String, GraphSnapshot> snapshots) {
        if (BranchNames.isInternal(forkBranch) || BranchNames.MAIN.equals(forkBranch)) {
            return ForkStatus.INTERNAL;
        }
        if (!liveBranches.contains(forkBranch)) {
            return ForkStatus.ORPHAN;
        }
        GraphSnapshot snapshot = snapshots.get(forkBranch);
        if (snapshot == null) {
            throw new IllegalArgumentException("no snapshot given for live branch '" + forkBranch + "'");
        }
        Optional<VisibleTable> visible = Optional.ofNullable(snapshot.tables().get(table));
        boolean readsThisFork = visible.flatMap(t -> t.version().tableBranch()).filter(forkBranch::equals).isPresent();
        return readsThisFork ? ForkStatus.OWNED : ForkStatus.ORPHAN;
    }
}
