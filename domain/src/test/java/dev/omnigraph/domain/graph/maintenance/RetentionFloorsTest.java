package dev.omnigraph.domain.graph.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omnigraph.domain.graph.GraphSnapshot;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.ManifestEntry;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.ManifestEntry.TableRegistration;
import dev.omnigraph.domain.graph.TableIdentity;
import dev.omnigraph.domain.graph.maintenance.ForkReconciliation.ForkStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The floors decide which history survives cleanup: every snapshot still on record and every live branch
 * must stay readable in full. A floor too high silently breaks time travel; the cases below are the ways a
 * table can be read.
 */
class RetentionFloorsTest {

    private static final TableIdentity PERSON = new TableIdentity(1, 1);
    private static final TableIdentity KNOWS = new TableIdentity(2, 1);
    private static final TableIdentity COMPANY = new TableIdentity(3, 1);

    private static TableRegistration registration(TableIdentity identity) {
        String key = identity.equals(KNOWS) ? "edge:Knows" : identity.equals(PERSON) ? "node:Person" : "node:Company";
        return new TableRegistration(identity, key, "nodes/" + identity.folderName());
    }

    private static PublishedTableVersion published(TableIdentity identity, long version, String tableBranch) {
        return new PublishedTableVersion(identity, registration(identity).tableKey(), version,
                Optional.ofNullable(tableBranch), 0);
    }

    private static GraphSnapshot snapshot(String branch, PublishedTableVersion... versions) {
        Map<TableIdentity, VisibleTable> tables = new HashMap<>();
        for (PublishedTableVersion version : versions) {
            tables.put(version.identity(), new VisibleTable(registration(version.identity()), version));
        }
        return new GraphSnapshot(branch, 9, Optional.empty(), tables);
    }

    @Test
    void the_oldest_kept_snapshot_sets_the_floor_of_every_table_it_shows() {
        GraphSnapshot oldest = snapshot("main", published(PERSON, 4, null), published(KNOWS, 2, null));
        List<ManifestEntry> latest = List.of(published(PERSON, 1, null), published(PERSON, 4, null),
                published(PERSON, 9, null), published(KNOWS, 1, null), published(KNOWS, 2, null));
        assertEquals(Map.of(PERSON, 4L, KNOWS, 2L), RetentionFloors.of(oldest, latest, List.of()));
    }

    @Test
    void a_table_created_after_the_oldest_kept_snapshot_keeps_its_first_published_version() {
        GraphSnapshot oldest = snapshot("main", published(PERSON, 4, null));
        List<ManifestEntry> latest = List.of(published(PERSON, 4, null), published(COMPANY, 3, null),
                published(COMPANY, 6, null));
        assertEquals(Map.of(PERSON, 4L, COMPANY, 3L), RetentionFloors.of(oldest, latest, List.of()));
    }

    @Test
    void a_live_branch_keeps_the_main_versions_it_has_not_forked_and_not_the_ones_it_forked() {
        GraphSnapshot oldest = snapshot("main", published(PERSON, 6, null), published(KNOWS, 5, null));
        List<ManifestEntry> latest = List.of(published(PERSON, 6, null), published(KNOWS, 5, null));
        GraphSnapshot feature = snapshot("feature", published(PERSON, 3, null), published(KNOWS, 8, "feature"));
        assertEquals(Map.of(PERSON, 3L, KNOWS, 5L), RetentionFloors.of(oldest, latest, List.of(feature)));
    }

    @Test
    void branch_rows_of_the_manifest_never_set_a_main_floor() {
        GraphSnapshot oldest = snapshot("main");
        List<ManifestEntry> latest = List.of(published(PERSON, 2, "feature"), published(PERSON, 5, null));
        assertEquals(Map.of(PERSON, 5L), RetentionFloors.of(oldest, latest, List.of()));
    }

    @Test
    void forks_are_owned_only_while_a_live_branch_reads_them() {
        GraphSnapshot feature = snapshot("feature", published(PERSON, 7, "feature"), published(KNOWS, 3, null));
        Map<String, GraphSnapshot> snapshots = Map.of("feature", feature);
        Set<String> live = Set.of("main", "feature");
        assertEquals(ForkStatus.OWNED, ForkReconciliation.classify("feature", PERSON, live, snapshots));
        assertEquals(ForkStatus.ORPHAN, ForkReconciliation.classify("feature", KNOWS, live, snapshots),
                "forked by a write that never published");
        assertEquals(ForkStatus.ORPHAN, ForkReconciliation.classify("feature", COMPANY, live, snapshots),
                "a table the branch does not show");
        assertEquals(ForkStatus.ORPHAN, ForkReconciliation.classify("gone", PERSON, live, snapshots), "deleted branch");
        assertEquals(ForkStatus.INTERNAL, ForkReconciliation.classify("__schema_apply", PERSON, live, snapshots));
        assertEquals(ForkStatus.INTERNAL, ForkReconciliation.classify("main", PERSON, live, snapshots));
        assertThrows(IllegalArgumentException.class,
                () -> ForkReconciliation.classify("other", PERSON, Set.of("other"), snapshots));
    }
}
