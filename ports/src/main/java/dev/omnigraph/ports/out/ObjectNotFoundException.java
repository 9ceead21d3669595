package dev.omnigraph.ports.out;

/** The object does not exist (a folder-like prefix with children is not an object). */
public final class ObjectNotFoundException extends ObjectStoreException {
    private final transient ObjectKey key;

    public ObjectNotFoundException(ObjectKey key) {
        super("object not found: " + key, null);
        this.key = key;
    }

    public ObjectKey key() {
        return key;
    }
}
