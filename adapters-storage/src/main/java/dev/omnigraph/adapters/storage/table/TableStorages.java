package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.TableStorage;

/** The one place a {@link TableStorage} is made; the adapter classes stay package-private. */
public final class TableStorages {

    private TableStorages() {}

    /**
     * Table storage on Lance datasets. Loads Lance's native library on first use (see
     * {@code org.lance.JniLoader} in this module for the start-up cache). Close the returned instance at
     * shutdown to release its off-heap memory and caches.
     */
    public static TableStorage lance(LanceProperties properties) {
        return new LanceTableStorage(properties);
    }
}
