package dev.omnigraph.domain.cluster.plan;

import java.util.Locale;

/**
 * How apply treats a change this run: {@code applied} executes; {@code derived} is a graph
 * composite update that converges by itself once its parts land; {@code deferred} needs a later
 * phase (unsupported kind); {@code blocked} waits on a dependency, an approval or a recovery.
 */
public enum ApplyDisposition {
    APPLIED,
    DERIVED,
    DEFERRED,
    BLOCKED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Human spelling in apply output: {@code Applied}, {@code Blocked}, ... */
    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
