package dev.omnigraph.ports.in.archcanary;

/** Canary: a driving port that does not read as a use case. */
public interface ThingManager {
    void manage();
}
