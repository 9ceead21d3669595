package dev.omnigraph.ports.out;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A flat namespace of small-to-medium objects under one root (a local folder, an S3 bucket prefix, an
 * Azure container prefix). Every piece of Omnigraph state that is not a Lance dataset — the cluster
 * ledger, lock, recovery sidecars, approvals, the content-addressed catalog, schema files — is stored
 * through this port, so local disk and object storage are one code path.
 *
 * <p><b>Atomicity.</b> Each write replaces an object as a whole: a concurrent or later reader sees either
 * the previous bytes or the new bytes, never a mixture or a truncated object, also after a crash.
 * {@link #putIfAbsent} and {@link #putIfMatch} are atomic compare-and-swap operations across threads
 * <em>and</em> processes sharing the root: of any number of racing conditional writers on one key at one
 * version, exactly one succeeds.
 *
 * <p><b>Consistency.</b> Read-after-write: once a write returns, every {@link #get}, {@link #exists} and
 * {@link #list} on the same root observes it.
 *
 * <p><b>Threading.</b> Implementations are thread-safe; one instance may be shared by the whole process.
 *
 * <p><b>Failures.</b> Methods throw only {@link ObjectStoreException} subtypes: {@link ObjectNotFoundException},
 * {@link PreconditionFailedException} (a lost condition, nothing written), {@link StorageUnavailableException}
 * (anything else), and {@link InvalidObjectKeyException} for malformed prefixes.
 */
public interface ObjectStore {

    /** What a backend can and cannot promise beyond the contract above; the conformance suite reads these. */
    enum Capability {
        /**
         * Writing the same bytes again yields the same {@link VersionToken} (content digests, S3 single-part
         * ETags). Without it (Azure ETags), every write produces a new token.
         */
        TOKENS_DERIVED_FROM_CONTENT
    }

    /** The capabilities of this backend. */
    Set<Capability> capabilities();

    /** A human-readable location of the root, e.g. {@code file:///srv/og} or {@code s3://bucket/prefix}. */
    String location();

    /**
     * Reads a whole object and the token of exactly the bytes returned.
     *
     * @throws ObjectNotFoundException if there is no such object
     */
    StoredObject get(ObjectKey key);

    /** Like {@link #get} but answers an empty optional instead of throwing for a missing object. */
    default Optional<StoredObject> find(ObjectKey key) {
        try {
            return Optional.of(get(key));
        } catch (ObjectNotFoundException missing) {
            return Optional.empty();
        }
    }

    /** Whether an object exists under exactly this key. */
    boolean exists(ObjectKey key);

    /**
     * Creates or replaces an object unconditionally. Idempotent: repeating the call leaves the same bytes.
     *
     * @return the token of the written version
     */
    VersionToken put(ObjectKey key, byte[] bytes);

    /**
     * Creates an object only if none exists under the key (S3 {@code If-None-Match: *}).
     *
     * @return the token of the written version
     * @throws PreconditionFailedException if an object already exists; nothing was written
     */
    VersionToken putIfAbsent(ObjectKey key, byte[] bytes);

    /**
     * Replaces an object only if its current version is {@code expected} (S3 {@code If-Match}).
     *
     * @return the token of the written version
     * @throws PreconditionFailedException if the object is at another version or absent; nothing was written
     */
    VersionToken putIfMatch(ObjectKey key, byte[] bytes, VersionToken expected);

    /**
     * Lists the keys of every object whose key starts with {@code prefix} (a plain string prefix, so
     * {@code "a/b"} matches {@code a/b}, {@code a/b/c} and {@code a/bc}), in ascending lexicographic
     * order of the key. An empty prefix lists the whole store. The listing is a point-in-time view; it
     * may be stale by the time the caller acts on it.
     */
    List<ObjectKey> list(String prefix);

    /** Deletes an object. Idempotent: deleting a missing object succeeds and does nothing. */
    void delete(ObjectKey key);

    /**
     * Deletes every object under a folder ({@code prefix} ends with {@code /}) and whatever the backend keeps for
     * the folder itself (a local directory tree, with any bookkeeping in it), so that afterwards the folder is as
     * if nothing had been written there. Idempotent. Not atomic: objects written into the folder meanwhile may or
     * may not survive. The default deletes the listed objects, which is all a flat object store keeps.
     *
     * @throws InvalidObjectKeyException when {@code prefix} is empty, does not end with {@code /} or is malformed
     */
    default void deleteFolder(String prefix) {
        ObjectKey.checkPrefix(prefix);
        if (prefix.isEmpty() || !prefix.endsWith("/")) {
            throw new InvalidObjectKeyException(prefix, "a folder to delete ends with '/' and is not the store's root");
        }
        for (ObjectKey key : list(prefix)) {
            delete(key);
        }
    }
}
