package dev.omnigraph.ports.out;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one object together with the token of exactly that version, so that a later
 * {@link ObjectStore#putIfMatch} can replace it only if nobody wrote in between.
 */
public final class StoredObject {
    private final ObjectKey key;
    private final byte[] bytes;
    private final VersionToken version;

    public StoredObject(ObjectKey key, byte[] bytes, VersionToken version) {
        this.key = Objects.requireNonNull(key, "key");
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
        this.version = Objects.requireNonNull(version, "version");
    }

    public ObjectKey key() {
        return key;
    }

    /** A copy of the stored bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** The bytes decoded as UTF-8. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public VersionToken version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredObject that
                && key.equals(that.key)
                && version.equals(that.version)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, version, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "StoredObject[" + key + ", " + bytes.length + " bytes, version " + version + "]";
    }
}
