package dev.omnigraph.adapters.storage.objectstore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of {@link LocalFsObjectStore}.
 *
 * @param root the folder that holds the objects; created on first write
 * @param durable whether writes are forced to the device (file and folder fsync) before they return;
 *     only tests of throw-away data may turn this off
 */
public record LocalFsProperties(Path root, boolean durable) {
    public LocalFsProperties {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    public static LocalFsProperties durableAt(Path root) {
        return new LocalFsProperties(root, true);
    }
}
