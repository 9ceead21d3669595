package dev.omnigraph.domain.graph.recovery;

/**
 * Which evidence a moved table needs before the sweep accepts the movement as the writer's own completed
 * effect. Resolved once from the {@link WriterKind}; only schema-v9 sidecars are read, so the reference's
 * pre-v3 {@code Strict} mode has no Java counterpart.
 */
public enum ClassificationMode {
    /**
     * Content-preserving maintenance (optimize): any head above the published version rolls forward as long as
     * the manifest still shows the version the writer expected. Safe because compaction changes no rows.
     */
    LOOSE,
    /**
     * Several commits of distinct rows per table (branch merge): roll forward only to the exact
     * {@code confirmed_version}; movement without a confirmation is a partial Phase B.
     */
    CONFIRMED,
    /**
     * One exact effect per table (mutation, load, schema apply, ensure indices): the sidecar must be
     * {@link EffectPhase#EFFECTS_CONFIRMED} and the head must equal the confirmed version.
     */
    EXACT_EFFECT
}
