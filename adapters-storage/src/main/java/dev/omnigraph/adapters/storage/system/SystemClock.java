package dev.omnigraph.adapters.storage.system;

import dev.omnigraph.ports.out.Clock;
import java.time.Instant;

/** {@link Clock} on the system clock (UTC). */
final class SystemClock implements Clock {
    @Override
    public Instant now() {
        return Instant.now();
    }
}
