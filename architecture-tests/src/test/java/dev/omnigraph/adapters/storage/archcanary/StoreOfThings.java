package dev.omnigraph.adapters.storage.archcanary;

import dev.omnigraph.ports.out.archcanary.ThingStore;

/** Canary: an adapter not named <Tech><Port>. */
class StoreOfThings implements ThingStore {
    @Override
    public void store() {}
}
