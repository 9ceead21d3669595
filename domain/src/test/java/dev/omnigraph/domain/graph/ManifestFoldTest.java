package dev.omnigraph.domain.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omnigraph.domain.graph.ManifestEntry.BranchHead;
import dev.omnigraph.domain.graph.ManifestEntry.CommitRecord;
import dev.omnigraph.domain.graph.ManifestEntry.PublishedTableVersion;
import dev.omnigraph.domain.graph.ManifestEntry.TableRegistration;
import dev.omnigraph.domain.graph.ManifestEntry.TableTombstone;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every read starts by folding the manifest into a snapshot; a fold that picked a stale version, resurrected
 * a dropped type or guessed between two tables with one alias would silently serve wrong data.
 */
class ManifestFoldTest {

    private static final TableIdentity PERSON = new TableIdentity(1, 2);
    private static final TableIdentity KNOWS = new TableIdentity(3, 4);

    private static GraphCommit commit(String id, long version, String parent) {
        return new GraphCommit(id, "main", version, Optional.ofNullable(parent), Optional.empty(), Optional.empty(), version * 10);
    }

    @Test
    void identities_name_paths_and_object_ids_as_the_reference_does() {
        TableIdentity id = new TableIdentity(0x1aL, 0x2bL);
        assertEquals("nodes/000000000000001a-000000000000002b", id.relativeLocation(TableKind.NODE));
        assertEquals("table:000000000000001a:000000000000002b", id.registrationObjectId());
        assertEquals("table_version:000000000000001a:000000000000002b:00000000000000000007", id.versionObjectId(7));
        assertEquals("table_tombstone:000000000000001a:000000000000002b:00000000000000000007", id.tombstoneObjectId(7));
        assertEquals("graph_head:review/x", BranchHead.objectIdOf("review/x"));
    }

    @Test
    void the_latest_published_version_of_each_live_table_is_visible() {
        List<ManifestEntry> rows = List.of(
                new TableRegistration(PERSON, "node:Person", "nodes/p"),
                new TableRegistration(KNOWS, "edge:Knows", "edges/k"),
                new PublishedTableVersion(PERSON, "node:Person", 1, Optional.empty(), 0),
                new PublishedTableVersion(PERSON, "node:Person", 3, Optional.empty(), 5),
                new PublishedTableVersion(PERSON, "node:Person", 2, Optional.empty(), 4),
                new PublishedTableVersion(KNOWS, "edge:Knows", 1, Optional.empty(), 0),
                new CommitRecord(commit("C1", 1, null)),
                new CommitRecord(commit("C2", 2, "C1")),
                new BranchHead("main", "C2", Optional.of("C1")));
        GraphSnapshot snapshot = ManifestFold.snapshot("main", 2, rows);
        assertEquals(3, snapshot.table("node:Person").orElseThrow().version().version());
        assertEquals(5, snapshot.table("node:Person").orElseThrow().version().rowCount());
        assertEquals(1, snapshot.table("edge:Knows").orElseThrow().version().version());
        assertEquals("C2", snapshot.head().orElseThrow().id());
        assertEquals("manifest:main:v2", snapshot.snapshotId());
    }

    @Test
    void a_branch_without_its_own_head_row_has_the_newest_inherited_commit_as_head() {
        GraphCommit onFeature = new GraphCommit("F1", "feature", 4, Optional.of("C2"), Optional.empty(), Optional.empty(), 15);
        List<ManifestEntry> forkOfFeature = List.of(
                new CommitRecord(commit("C1", 1, null)),
                new CommitRecord(commit("C2", 2, "C1")),
                new CommitRecord(onFeature),
                new BranchHead("main", "C2", Optional.of("C1")),
                new BranchHead("feature", "F1", Optional.of("C2")));
        assertEquals("F1", ManifestFold.snapshot("feature/child", 4, forkOfFeature).head().orElseThrow().id(),
                "a fork of feature starts at feature's head, not main's");
        assertEquals("C2", ManifestFold.snapshot("main", 4, forkOfFeature).head().orElseThrow().id(),
                "an own head row wins over newer commits");
        List<ManifestEntry> sameVersion = List.of(
                new CommitRecord(new GraphCommit("A", "main", 3, Optional.empty(), Optional.empty(), Optional.empty(), 5)),
                new CommitRecord(new GraphCommit("B", "main", 3, Optional.empty(), Optional.empty(), Optional.empty(), 7)));
        assertEquals("B", ManifestFold.snapshot("x", 3, sameVersion).head().orElseThrow().id(), "then by creation time");
        assertTrue(ManifestFold.snapshot("x", 1, List.of()).head().isEmpty());
    }

    @Test
    void a_tombstone_hides_its_lifetime_until_a_newer_version_is_published() {
        List<ManifestEntry> dropped = List.of(
                new TableRegistration(PERSON, "node:Person", "nodes/p"),
                new PublishedTableVersion(PERSON, "node:Person", 2, Optional.empty(), 1),
                new TableTombstone(PERSON, "node:Person", 2));
        assertTrue(ManifestFold.snapshot("main", 3, dropped).table("node:Person").isEmpty());
    }

    @Test
    void two_live_tables_with_one_alias_or_an_unregistered_version_are_refused() {
        TableIdentity other = new TableIdentity(9, 9);
        assertThrows(ManifestIntegrityException.class, () -> ManifestFold.snapshot("main", 1, List.of(
                new TableRegistration(PERSON, "node:Person", "a"), new TableRegistration(other, "node:Person", "b"),
                new PublishedTableVersion(PERSON, "node:Person", 1, Optional.empty(), 0),
                new PublishedTableVersion(other, "node:Person", 1, Optional.empty(), 0))));
        assertThrows(ManifestIntegrityException.class, () -> ManifestFold.snapshot("main", 1, List.of(
                new PublishedTableVersion(PERSON, "node:Person", 1, Optional.empty(), 0))));
    }

    @Test
    void history_follows_parents_newest_first_and_ignores_unreachable_commits() {
        List<ManifestEntry> rows = List.of(
                new CommitRecord(commit("A", 1, null)),
                new CommitRecord(commit("B", 2, "A")),
                new CommitRecord(commit("X", 3, "A")),
                new CommitRecord(commit("C", 4, "B")));
        assertEquals(List.of("C", "B", "A"), ManifestFold.history("C", rows).stream().map(GraphCommit::id).toList());
    }

    @Test
    void snapshot_ids_round_trip_and_malformed_ones_are_refused() {
        assertEquals(new SnapshotId("review/2026-07", 12), SnapshotId.parse("manifest:review/2026-07:v12"));
        assertEquals(new SnapshotId("main", 3), SnapshotId.parse("manifest:main:v3:etag:abc"));
        assertEquals("manifest:main:v3", SnapshotId.of("main", 3).toString());
        for (String bad : List.of("main:v3", "manifest:main", "manifest:main:vx", "manifest::v0")) {
            assertThrows(IllegalArgumentException.class, () -> SnapshotId.parse(bad), bad);
        }
    }
}
