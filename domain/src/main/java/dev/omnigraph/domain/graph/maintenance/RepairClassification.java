package dev.omnigraph.domain.graph.maintenance;

/** How {@code repair} judges a table's head relative to its published version (the reference's names). */
public enum RepairClassification {
    /** The head is the published version. */
    NO_DRIFT("no_drift"),
    /** Every unpublished version only reorganised storage: publishing the head changes no row. */
    VERIFIED_MAINTENANCE("verified_maintenance"),
    /** At least one unpublished version may have changed rows (an append, delete, update, merge, …). */
    SUSPICIOUS("suspicious"),
    /** An unpublished version's operation is not on record, so the drift cannot be judged. */
    UNVERIFIABLE("unverifiable");

    private final String jsonName;

    RepairClassification(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The stable token of {@code --json} output. */
    public String jsonName() {
        return jsonName;
    }
}
