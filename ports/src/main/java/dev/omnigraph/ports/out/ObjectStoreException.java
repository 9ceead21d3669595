package dev.omnigraph.ports.out;

/**
 * The typed failures of an {@link ObjectStore}. Adapters translate every backend error into exactly one
 * of these; a raw {@code IOException}, SDK exception or HTTP status never crosses the port.
 */
public abstract sealed class ObjectStoreException extends RuntimeException
        permits ObjectNotFoundException, PreconditionFailedException, StorageUnavailableException,
                InvalidObjectKeyException {

    protected ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
