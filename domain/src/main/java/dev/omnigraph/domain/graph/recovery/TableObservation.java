package dev.omnigraph.domain.graph.recovery;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the sweep saw of one pinned table: its head version on the pin's ref, or that the table (or that ref)
 * does not exist.
 *
 * @param tableKey the pin's table key
 * @param head the table's head on the pin's ref; empty when the table or the ref is absent
 */
public record TableObservation(String tableKey, OptionalLong head) {

    public TableObservation {
        Objects.requireNonNull(tableKey, "tableKey");
        Objects.requireNonNull(head, "head");
        if (head.isPresent() && head.getAsLong() < 0) {
            throw new IllegalArgumentException(tableKey + ": head must not be negative");
        }
    }

    public static TableObservation at(String tableKey, long head) {
        return new TableObservation(tableKey, OptionalLong.of(head));
    }

    /** The table, or the branch ref the pin names, does not exist. */
    public static TableObservation absent(String tableKey) {
        return new TableObservation(tableKey, OptionalLong.empty());
    }

    public boolean exists() {
        return head.isPresent();
    }
}
