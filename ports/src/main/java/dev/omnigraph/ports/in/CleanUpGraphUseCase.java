package dev.omnigraph.ports.in;

/**
 * Reclaims old versions of a graph (engine notes §8.3 {@code cleanup}; destructive, irreversible). Under a
 * {@link dev.omnigraph.domain.graph.maintenance.CleanupPolicy}, the graph manifest's history on {@code main}
 * is cut first, then each table's, never below what a remaining snapshot or a live branch reads, so a
 * snapshot is either fully readable or reported as reclaimed ({@code historical_version_reclaimed}).
 * Storage branches of tables that no live branch reads (left by an interrupted branch delete or write)
 * are reclaimed first. Refused while an interrupted write is pending recovery, and when a table's storage
 * head is ahead of its published version (run {@code repair} first). A failure on one table is reported on
 * that table and does not stop the others.
 */
public interface CleanUpGraphUseCase {

    CleanUpGraphResult cleanUpGraph(CleanUpGraphCommand command);
}
