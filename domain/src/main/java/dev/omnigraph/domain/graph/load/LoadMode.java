package dev.omnigraph.domain.graph.load;

import java.util.Locale;

/** How a load combines its records with the branch's data. */
public enum LoadMode {
    /** Replace the whole content of every type the load touches. */
    OVERWRITE,
    /** Strict insert: any id that already exists is a key conflict and nothing changes. */
    APPEND,
    /** Upsert by id; the last occurrence of an id in the input wins. */
    MERGE;

    /** The CLI / HTTP spelling. */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the accepted spellings
     */
    public static LoadMode parse(String text) {
        for (LoadMode mode : values()) {
            if (mode.spelling().equals(text)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown load mode '" + text + "' (expected overwrite, append or merge)");
    }
}
