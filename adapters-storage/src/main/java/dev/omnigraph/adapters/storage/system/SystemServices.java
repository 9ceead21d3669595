package dev.omnigraph.adapters.storage.system;

import dev.omnigraph.ports.out.Clock;
import dev.omnigraph.ports.out.IdSource;

/** Factory of the process-wide clock and id source. */
public final class SystemServices {
    private static final Clock CLOCK = new SystemClock();
    private static final IdSource IDS = new UlidCreatorIdSource();

    private SystemServices() {}

    public static Clock clock() {
        return CLOCK;
    }

    public static IdSource ids() {
        return IDS;
    }
}
