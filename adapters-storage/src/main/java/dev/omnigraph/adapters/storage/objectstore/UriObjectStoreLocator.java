package dev.omnigraph.adapters.storage.objectstore;

import dev.omnigraph.adapters.storage.objectstore.ObjectStores.StorageLocation;
import dev.omnigraph.adapters.storage.objectstore.azure.AzureBlobObjectStores;
import dev.omnigraph.adapters.storage.objectstore.azure.AzureBlobProperties;
import dev.omnigraph.adapters.storage.objectstore.s3.S3ObjectStores;
import dev.omnigraph.adapters.storage.objectstore.s3.S3Properties;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import java.util.Map;

/**
 * {@link ObjectStoreLocator} that dispatches on the location's URI scheme. The environment is read into
 * settings, and the SDK clients are created, on the first location of each cloud scheme, so a process that
 * only uses local folders needs no cloud configuration at all; later locations share those clients.
 * Thread-safe.
 */
final class UriObjectStoreLocator implements ObjectStoreLocator, AutoCloseable {

    private final Map<String, String> environment;
    private S3ObjectStores s3;
    private AzureBlobObjectStores azure;

    UriObjectStoreLocator(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * @throws UnsupportedStorageLocationException for a location that cannot be parsed or an unknown scheme
     * @throws IllegalArgumentException when the environment's settings for the location's cloud are invalid
     */
    @Override
    public ObjectStore locate(String location) {
        StorageLocation parsed = StorageLocation.parse(location);
        return switch (parsed.scheme()) {
            case StorageLocation.FILE -> ObjectStores.localFolder(LocalFsProperties.durableAt(parsed.localPath()));
            case StorageLocation.S3 -> s3().open(parsed.bucket(), parsed.prefix());
            case StorageLocation.AZURE -> azure().open(parsed.bucket(), parsed.prefix());
            default -> throw new UnsupportedStorageLocationException(location, "the '" + parsed.scheme() + "' scheme is not supported");
        };
    }

    private synchronized S3ObjectStores s3() {
        if (s3 == null) {
            s3 = S3ObjectStores.connect(S3Properties.fromEnvironment(environment));
        }
        return s3;
    }

    private synchronized AzureBlobObjectStores azure() {
        if (azure == null) {
            azure = AzureBlobObjectStores.connect(AzureBlobProperties.fromEnvironment(environment));
        }
        return azure;
    }

    /** Closes the S3 clients; the Azure client holds no resources beyond daemon threads. */
    @Override
    public synchronized void close() {
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
        azure = null;
    }
}
