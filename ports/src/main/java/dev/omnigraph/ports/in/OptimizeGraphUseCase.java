package dev.omnigraph.ports.in;

/**
 * Compacts a graph's storage (engine notes §8.3 {@code optimize}): every node and edge table of
 * {@code main} whose storage would merge or drop anything is compacted, and the compacted versions are
 * published together as at most one commit on {@code main} (none when nothing changed), under one recovery
 * sidecar; then the graph manifest is compacted in place. Content never changes and no version is
 * reclaimed (that is {@code cleanup}). Refused while an interrupted write is pending recovery; a table
 * whose storage head is ahead of its published version without a sidecar is skipped and reported
 * ({@code repair} decides about it). Idempotent.
 */
public interface OptimizeGraphUseCase {

    OptimizeGraphResult optimizeGraph(OptimizeGraphCommand command);
}
