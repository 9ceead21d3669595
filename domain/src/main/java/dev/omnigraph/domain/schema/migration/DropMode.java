package dev.omnigraph.domain.schema.migration;

import java.util.Locale;

/**
 * How a drop treats data. {@link #SOFT}: hidden from the current version, data kept and reachable by
 * time travel until cleanup. {@link #HARD}: data removed too (irreversible); only on explicit
 * request ({@code --allow-data-loss}).
 */
public enum DropMode {
    SOFT,
    HARD;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
