package dev.omnigraph.domain.graph.maintenance;

import dev.omnigraph.domain.graph.GraphSnapshot;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.TableIdentity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The oldest version of each table's <em>main</em> history that {@code cleanup} must keep so that every
 * snapshot still on record stays fully readable: a snapshot is either readable in full or reported as
 * reclaimed, never half there.
 *
 * <p>The facts this rests on: a table's published version on main only grows with the manifest version
 * (writes, restores and compactions all commit above the head), and manifest rows are only ever added, so
 * the newest manifest holds every version ever published. Hence among the manifest versions of main that
 * remain after the manifest's own cleanup, the oldest one reads the oldest version of each table it
 * shows; a table it does not show (created later) is read from the first version ever published for it.
 * A live branch reads main's version of every table it has not forked (the {@code table_branch} of its
 * snapshot entry is empty), so those versions stay too. A branch's fork of a table is a storage branch
 * whose origin version storage itself protects.
 */
public final class RetentionFloors {

    private RetentionFloors() {}

    /**
     * @param oldestKeptMain the snapshot of main's oldest remaining manifest version
     * @param latestMainRows every row of main's newest manifest version
     * @param liveBranches the current snapshot of every live branch other than main
     * @return for each table lifetime with main versions still read, the oldest version to keep
     */
    public static Map<TableIdentity, Long> of(GraphSnapshot oldestKeptMain, List<ManifestEntry> latestMainRows,
                                              List<GraphSnapshot> liveBranches) {
        Map<TableIdentity, Long> floors = new TreeMap<>();
        for (VisibleTable table : oldestKeptMain.tablesInOrder()) {
            if (table.version().tableBranch().isEmpty()) {
                floors.merge(table.registration().identity(), table.version().version(), Math::min);
            }
        }
        Map<TableIdentity, Long> firstPublished = new TreeMap<>();
        for (ManifestEntry row : latestMainRows) {
            if (row instanceof PublishedTableVersion version && version.tableBranch().isEmpty()) {
                firstPublished.merge(version.identity(), version.version(), Math::min);
            }
        }
        firstPublished.forEach(floors::putIfAbsent);
        for (GraphSnapshot branch : liveBranches) {
            for (VisibleTable table : branch.tablesInOrder()) {
                if (table.version().tableBranch().isEmpty()) {
                    floors.merge(table.registration().identity(), table.version().version(), Math::min);
                }
            }
        }
        return floors;
    }
}
