package dev.omnigraph.ports.out;

/**
 * Opens the {@link ObjectStore} for a storage location written by a user: a local path,
 * {@code file://…}, {@code s3://bucket/prefix} or {@code az://container/prefix}.
 */
public interface ObjectStoreLocator {

    /**
     * @throws IllegalArgumentException for a location that cannot be parsed or whose scheme is not served
     */
    ObjectStore locate(String location);
}
