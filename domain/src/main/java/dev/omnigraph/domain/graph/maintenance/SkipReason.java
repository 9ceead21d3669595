package dev.omnigraph.domain.graph.maintenance;

/** Why {@code optimize} left a table untouched (the reference's {@code SkipReason}). */
public enum SkipReason {
    /**
     * The table's head is ahead of its published version and no recovery sidecar explains it:
     * {@code optimize} cannot tell maintenance from a foreign write, so it points at {@code repair}.
     */
    DRIFT_NEEDS_REPAIR("drift_needs_repair", "published dataset/Lance HEAD drift — run omnigraph repair");

    private final String jsonName;
    private final String description;

    SkipReason(String jsonName, String description) {
        this.jsonName = jsonName;
        this.description = description;
    }

    /** The stable token of {@code --json} output. */
    public String jsonName() {
        return jsonName;
    }

    /** The human explanation. */
    public String description() {
        return description;
    }
}
