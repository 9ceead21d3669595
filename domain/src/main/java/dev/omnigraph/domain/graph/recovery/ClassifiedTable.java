package dev.omnigraph.domain.graph.recovery;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One pin with what the sweep observed and how it was classified.
 *
 * @param observedHead the head on the pin's ref; empty when the ref is absent
 * @param publishedVersion the version the branch's manifest publishes for the table
 */
public record ClassifiedTable(SidecarTablePin pin, TableClassification classification, OptionalLong observedHead,
                              long publishedVersion) {

    public ClassifiedTable {
        Objects.requireNonNull(pin, "pin");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(observedHead, "observedHead");
    }

    public String tableKey() {
        return pin.tableKey();
    }

    /** {@code node:Person head=7 published=5 ROLLED_PAST_EXPECTED}, for messages. */
    public String describe() {
        return pin.tableKey() + " head=" + (observedHead.isPresent() ? Long.toString(observedHead.getAsLong()) : "absent")
                + " published=" + publishedVersion + " expected=" + pin.expectedVersion() + " " + classification;
    }
}
