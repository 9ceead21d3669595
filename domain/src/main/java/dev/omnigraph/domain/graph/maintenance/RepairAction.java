package dev.omnigraph.domain.graph.maintenance;

/** What {@code repair} did with a table (the reference's names). */
public enum RepairAction {
    /** Nothing to do. */
    NO_OP("no_op", false),
    /** Drift reported, not published: a preview (no {@code --confirm}). */
    PREVIEW("preview", false),
    /** Verified maintenance drift published. */
    HEALED("healed", true),
    /** Suspicious or unverifiable drift published because the operator forced it. */
    FORCED("forced", true),
    /** Drift left untouched: publishing it needs {@code --force}. */
    REFUSED("refused", false);

    private final String jsonName;
    private final boolean publishes;

    RepairAction(String jsonName, boolean publishes) {
        this.jsonName = jsonName;
        this.publishes = publishes;
    }

    /** The stable token of {@code --json} output. */
    public String jsonName() {
        return jsonName;
    }

    /** Whether the action moves the table's published version to its head. */
    public boolean publishes() {
        return publishes;
    }
}
