package dev.omnigraph.adapters.storage.archcanary;

import dev.omnigraph.ports.out.archcanary.ThingStore;

/** Canary: a public adapter class (adapters hide behind a factory). */
public class PublicThingStore implements ThingStore {
    @Override
    public void store() {}
}
