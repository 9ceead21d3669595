package dev.omnigraph.adapters.storage.objectstore;

import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one place where a storage location written by a user ({@code file:///srv/og}, a bare path,
 * {@code s3://bucket/prefix}, {@code az://container/prefix}) becomes an {@link ObjectStore}, and the one
 * place that reads the process environment for object-store settings ({@link #locator()}). Everything below
 * takes the environment as an explicit map, so tests inject endpoints without touching the process.
 */
public final class ObjectStores {

    private ObjectStores() {}

    /**
     * The process-wide locator, configured from the process environment ({@code AWS_*},
     * {@code AZURE_STORAGE_*}; see {@code docs/storage.md}). The cloud SDK clients it creates on first use of
     * a scheme are shared by every store it opens and live as long as the process.
     */
    public static ObjectStoreLocator locator() {
        return ProcessLocator.INSTANCE;
    }

    /**
     * A locator configured from the given environment variables instead of the process environment (tests,
     * embedders). Its SDK clients are created on first use of a scheme and shared by its stores.
     */
    public static ObjectStoreLocator locator(Map<String, String> environment) {
        return new UriObjectStoreLocator(environment);
    }

    /** The store for a local folder. */
    public static ObjectStore localFolder(LocalFsProperties properties) {
        return new LocalFsObjectStore(properties);
    }

    /**
     * {@code store} with every call counted per operation into {@code counts}, and otherwise unchanged: a
     * diagnostic decorator for measuring how many storage requests an operation costs.
     */
    public static ObjectStore counting(ObjectStore store, ObjectStoreRequestCounts counts) {
        return new CountingObjectStore(store, counts);
    }

    /** A locator whose every store is {@linkplain #counting(ObjectStore, ObjectStoreRequestCounts) counted} into {@code counts}. */
    public static ObjectStoreLocator counting(ObjectStoreLocator locator, ObjectStoreRequestCounts counts) {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(counts, "counts");
        return location -> new CountingObjectStore(locator.locate(location), counts);
    }

    /**
     * The store for a storage location, through the process-wide {@link #locator()}.
     *
     * @throws UnsupportedStorageLocationException for a location that cannot be parsed or a scheme this build
     *     cannot serve
     * @throws IllegalArgumentException when the environment's settings for the location's scheme are invalid
     */
    public static ObjectStore open(String location) {
        return locator().locate(location);
    }

    /** Initialised on first use, so a process that never opens a store never reads the environment. */
    private static final class ProcessLocator {
        static final UriObjectStoreLocator INSTANCE = new UriObjectStoreLocator(System.getenv());
    }

    /** A parsed storage location: a scheme plus either a local path or a bucket/container and prefix. */
    public record StorageLocation(String scheme, Path localPath, String bucket, String prefix) {

        /** The scheme of local folders (bare paths are reported with it too). */
        public static final String FILE = "file";
        /** The scheme of S3 buckets. */
        public static final String S3 = "s3";
        /** The scheme of Azure Blob containers. */
        public static final String AZURE = "az";

        /**
         * Parses a location.
         *
         * @throws UnsupportedStorageLocationException for an empty or malformed location or an unknown scheme
         */

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
            if (!scheme.equals(S3) && !scheme.equals(AZURE)) {
                throw new UnsupportedStorageLocationException(location, "the '" + scheme
                        + "' scheme is not supported (supported: s3://bucket/prefix, az://container/prefix, file:// and local paths)");
            }
            String rest = location.substring(schemeEnd + 3);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String prefix = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
            if (bucket.isEmpty()) {
                throw new UnsupportedStorageLocationException(location, "a bucket or container name is required");
            }
            checkPrefix(location, prefix);
            return new StorageLocation(scheme, null, bucket, prefix);
        }

        /** A root prefix follows the object-key rules, so no key below it can mean two different objects. */
        private static void checkPrefix(String location, String prefix) {
            if (prefix.isEmpty()) {
                return;
            }
            for (String segment : prefix.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    throw new UnsupportedStorageLocationException(location, "the path must not contain empty, '.' or '..' segments");
                }
                for (int i = 0; i < segment.length(); i++) {
                    char c = segment.charAt(i);
                    if (c == '\\' || c < 0x20 || c == 0x7f) {
                        throw new UnsupportedStorageLocationException(location, "the path must not contain backslashes or control characters");
                    }
                }
            }
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
