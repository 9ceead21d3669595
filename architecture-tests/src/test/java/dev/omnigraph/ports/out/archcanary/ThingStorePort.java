package dev.omnigraph.ports.out.archcanary;

/** Canary: a driven port named after the pattern instead of the capability. */
public interface ThingStorePort {
    void store();
}
