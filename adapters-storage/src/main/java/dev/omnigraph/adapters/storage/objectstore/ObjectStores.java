package dev.omnigraph.adapters.storage.objectstore;

import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one place where a storage location written by a user ({@code file:///srv/og}, a bare path,
 * {@code s3://bucket/prefix}, {@code az://container/prefix}) becomes an {@link ObjectStore}.
 */
public final class ObjectStores {

    private ObjectStores() {}

    /** The locator that opens stores by location (the one dispatch point). */
    public static ObjectStoreLocator locator() {
        return new UriObjectStoreLocator();
    }

    /** The store for a local folder. */
    public static ObjectStore localFolder(LocalFsProperties properties) {
        return new LocalFsObjectStore(properties);
    }

    /**
     * The store for a storage location.
     *
     * @throws UnsupportedStorageLocationException for a scheme this build cannot serve
     */
    public static ObjectStore open(String location) {
        StorageLocation parsed = StorageLocation.parse(location);
        return switch (parsed.scheme()) {
            case "file" -> localFolder(LocalFsProperties.durableAt(parsed.localPath()));
            default -> throw new UnsupportedStorageLocationException(location,
                    "the '" + parsed.scheme() + "' scheme is not supported by this build (supported: file:// and local paths)");
        };
    }

    /** A parsed storage location: a scheme plus either a local path or a bucket/container and prefix. */
    public record StorageLocation(String scheme, Path localPath, String bucket, String prefix) {

        public static StorageLocation parse(String location) {
            if (location == null || location.isBlank()) {
                throw new UnsupportedStorageLocationException(String.valueOf(location), "a storage location must not be empty");
            }
            int schemeEnd = location.indexOf("://");
            if (schemeEnd < 0) {
                return new StorageLocation("file", Path.of(location).toAbsolutePath().normalize(), null, null);
            }
            String scheme = location.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                try {
                    return new StorageLocation("file", Path.of(new URI(location)).toAbsolutePath().normalize(), null, null);
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new UnsupportedStorageLocationException(location, "not a valid file URI: " + e.getMessage());
                }
            }
            String rest = location.substring(schemeEnd + 3);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
            if (bucket.isEmpty()) {
                throw new UnsupportedStorageLocationException(location, "a bucket or container name is required");
            }
            return new StorageLocation(scheme, null, bucket, prefix);
        }

        private static String trimSlashes(String value) {
            int start = 0;
            int end = value.length();
            while (start < end && value.charAt(start) == '/') {
                start++;
            }
            while (end > start && value.charAt(end - 1) == '/') {
                end--;
            }
            return value.substring(start, end);
        }
    }
}
