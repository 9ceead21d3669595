package dev.omnigraph.ports.out;

/**
 * A conditional write lost: {@link ObjectStore#putIfAbsent} found the object already present, or
 * {@link ObjectStore#putIfMatch} found it at another version or absent. Nothing was written. Callers
 * treat this as a lost race (re-read, decide again), never as a storage fault.
 */
public final class PreconditionFailedException extends ObjectStoreException {
    private final transient ObjectKey key;

    public PreconditionFailedException(ObjectKey key, String reason) {
        super("precondition failed for " + key + ": " + reason, null);
        this.key = key;
    }

    public ObjectKey key() {
        return key;
    }
}
