package dev.omnigraph.ports.out.table;

/** Storage failed for another reason (I/O, network, engine error). Whether a write took effect is unknown. */
public final class TableStorageUnavailableException extends TableStorageException {
    public TableStorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
