package dev.omnigraph.ports.in;

/**
 * Classifies and, when told to, adopts uncovered drift (engine notes §8.3 {@code repair}): a node or edge
 * table of {@code main} whose storage head is ahead of its published version with no recovery sidecar to
 * explain it. The versions in between are judged from the operations storage recorded for them; with
 * {@code confirm}, drift that only reorganised storage is published, and drift that may have changed rows
 * only with {@code force} too. Repair never rewrites data: it only publishes existing heads, as one commit
 * on {@code main} by {@code omnigraph:repair} (or {@code omnigraph:repair:force}). Refused while an
 * interrupted write is pending recovery: that belongs to recovery, not to repair.
 */
public interface RepairGraphUseCase {

    RepairGraphResult repairGraph(RepairGraphCommand command);
}
