package dev.omnigraph.domain.graph.maintenance;

/**
 * What {@code optimize} does with one table, decided before any effect. Only {@link Compact} tables are
 * pinned in the optimize sidecar: a pinned table that never moves would classify as unmoved at recovery
 * and turn its siblings' roll-forward into a roll-back.
 */
public sealed interface OptimizeDecision {

    /** Compact the table and publish the result. */
    record Compact() implements OptimizeDecision {
    }

    /** Nothing to rewrite; the table is reported as a no-op. */
    record NothingToDo() implements OptimizeDecision {
    }

    /** Uncovered drift: leave the table untouched and report it. */
    record Skip(SkipReason reason, long published, long head) implements OptimizeDecision {
    }

    /** The head is behind the manifest: optimize stops before any effect. */
    record Refuse(String reason) implements OptimizeDecision {
    }

    /**
     * @param needsCompaction whether compaction would rewrite anything at the head (only consulted when
     *     head and manifest agree)
     */
    static OptimizeDecision forTable(String tableKey, long published, long head, boolean needsCompaction) {
        HeadDrift drift = HeadDrift.of(published, head);
        if (drift instanceof HeadDrift.Behind behind) {
            return new Refuse(HeadDrift.behindMessage(tableKey, behind));
        }
        if (drift instanceof HeadDrift.Ahead) {
            return new Skip(SkipReason.DRIFT_NEEDS_REPAIR, published, head);
        }
        return needsCompaction ? new Compact() : new NothingToDo();
    }
}
