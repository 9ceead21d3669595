package dev.omnigraph.ports.out;

/**
 * The store could not be reached or refused the operation for a reason other than a lost condition
 * (I/O error, permission, network, throttling after retries). The operation may or may not have taken
 * effect only where the method's contract says so; otherwise nothing was written.
 */
public final class StorageUnavailableException extends ObjectStoreException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
