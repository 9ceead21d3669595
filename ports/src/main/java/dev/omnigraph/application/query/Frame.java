package dev.omnigraph.application.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The match rows flowing through a pipeline: each row binds every slot (a variable, or an anti-join
 * correlation tag) to a row of that slot's {@link EntityRows} (for a tag, to the outer row index).
 * Frames are never modified; every step makes a new one.
 */
final class Frame {

    private final List<String> slots;
    private final List<EntityRows> sources;
    private final List<int[]> rows;

    Frame(List<String> slots, List<EntityRows> sources, List<int[]> rows) {
        this.slots = List.copyOf(slots);
        this.sources = new ArrayList<>(sources);
        this.rows = rows;
    }

    /** One row binding nothing: the neutral start of a pipeline. */
    static Frame unit() {
        List<int[]> rows = new ArrayList<>();
        rows.add(new int[0]);
        return new Frame(List.of(), List.of(), rows);
    }

    List<int[]> rows() {
        return rows;
    }

    int width() {
        return slots.size();
    }

    boolean binds(String variable) {
        return slots.contains(variable);
    }

    int slot(String variable) {
        int index = slots.indexOf(variable);
        if (index < 0) {
            throw new InvalidQueryPlanException("variable '$" + variable + "' is not bound at this point of the plan");
        }
        return index;
    }

    EntityRows source(int slot) {
        return sources.get(slot);
    }

    EntityRows source(String variable) {
        return sources.get(slot(variable));
    }

    /** The id of the entity {@code variable} is bound to in {@code row}. */
    String id(String variable, int[] row) {
        int slot = slot(variable);
        return sources.get(slot).id(row[slot]);
    }

    /** A frame with the same slots and the given rows. */
    Frame withRows(List<int[]> newRows) {
        return new Frame(slots, sources, newRows);
    }

    /** A frame with one more slot (rows are supplied by the caller, one value longer). */
    Frame extendedBy(String slot, EntityRows source, List<int[]> newRows) {
        List<String> newSlots = new ArrayList<>(slots);
        newSlots.add(slot);
        List<EntityRows> newSources = new ArrayList<>(sources);
        newSources.add(source);
        return new Frame(newSlots, newSources, newRows);
    }

    Frame filter(Predicate<int[]> keep) {
        List<int[]> kept = new ArrayList<>();
        for (int[] row : rows) {
            if (keep.test(row)) {
                kept.add(row);
            }
        }
        return withRows(kept);
    }

    static int[] append(int[] row, int value) {
        int[] extended = java.util.Arrays.copyOf(row, row.length + 1);
        extended[row.length] = value;
        return extended;
    }
}
