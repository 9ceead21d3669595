package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.TableStorage;
import java.util.Map;

/** The one place a {@link TableStorage} is made; the adapter classes stay package-private. */
public final class TableStorages {

    private TableStorages() {}

    /**
     * Table storage on Lance datasets. Loads Lance's native library on first use (see
     * {@code org.lance.JniLoader} in this module for the start-up cache). Close the returned instance at
     * shutdown to release its off-heap memory and caches.
     */
    public static TableStorage lance(LanceProperties properties) {
        return lance(properties, System.getenv());
    }

    /**
     * As {@link #lance(LanceProperties)}, with the environment that {@code s3://} and {@code az://}
     * locations take their endpoints and credentials from (the one place tables read it).
     */
    public static TableStorage lance(LanceProperties properties, Map<String, String> environment) {
        return new LanceTableStorage(properties, LanceStorageOptions.fromEnvironment(environment));
    }
}
