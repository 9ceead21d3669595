package dev.omnigraph.ports.out;

import java.time.Instant;

/** The current time. Injected so that commits, sidecars and ledgers can be tested at fixed instants. */
public interface Clock {

    /** Now, with at least microsecond resolution where the platform offers it. Thread-safe. */
    Instant now();
}
