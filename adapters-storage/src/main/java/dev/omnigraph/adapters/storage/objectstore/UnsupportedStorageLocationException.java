package dev.omnigraph.adapters.storage.objectstore;

/** A storage location that cannot be parsed or whose scheme this build does not serve. */
public final class UnsupportedStorageLocationException extends IllegalArgumentException {
    public UnsupportedStorageLocationException(String location, String reason) {
        super("unsupported storage location '" + location + "': " + reason);
    }
}
