package dev.omnigraph.ports.out.archcanary;

/** Canary: a well-named driven port. */
public interface ThingStore {
    void store();
}
