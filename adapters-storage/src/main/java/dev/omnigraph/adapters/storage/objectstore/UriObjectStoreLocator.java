package dev.omnigraph.adapters.storage.objectstore;

import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreLocator;

/** {@link ObjectStoreLocator} that dispatches on the location's URI scheme through {@link ObjectStores#open}. */
final class UriObjectStoreLocator implements ObjectStoreLocator {
    @Override
    public ObjectStore locate(String location) {
        return ObjectStores.open(location);
    }
}
