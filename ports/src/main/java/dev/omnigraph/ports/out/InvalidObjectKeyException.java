package dev.omnigraph.ports.out;

/** A string that is not a valid {@link ObjectKey}; see that record for the rules. */
public final class InvalidObjectKeyException extends ObjectStoreException {
    public InvalidObjectKeyException(String key, String reason) {
        super("invalid object key '" + key + "': " + reason, null);
    }
}
