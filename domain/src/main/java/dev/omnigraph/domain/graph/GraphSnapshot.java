package dev.omnigraph.domain.graph;

import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.ManifestEntry.TableRegistration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The set of visible table versions of one branch at one graph manifest version: everything a read
 * needs to be snapshot-isolated. Immutable.
 *
 * @param branch the graph branch
 * @param manifestVersion the graph manifest version
 * @param head the branch head commit at that version (empty only for a damaged manifest)
 * @param tables the visible table of each live lifetime, by identity
 */
public record GraphSnapshot(String branch, long manifestVersion, Optional<GraphCommit> head,
                            Map<TableIdentity, VisibleTable> tables) {

    public GraphSnapshot {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(head, "head");
        tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /** One visible table: its registration and the published version a read must use. */
    public record VisibleTable(TableRegistration registration, PublishedTableVersion version) {
        public String tableKey() {
            return registration.tableKey();
        }

        public String location() {
            return registration.location();
        }
    }

    /** The snapshot id {@code manifest:<branch>:v<N>}. */
    public String snapshotId() {
        return SnapshotId.of(branch, manifestVersion).toString();
    }

    /** The visible table with this alias. */
    public Optional<VisibleTable> table(String tableKey) {
        return tables.values().stream().filter(t -> t.tableKey().equals(tableKey)).findFirst();
    }

    public List<VisibleTable> tablesInOrder() {
        return List.copyOf(tables.values());
    }
}
