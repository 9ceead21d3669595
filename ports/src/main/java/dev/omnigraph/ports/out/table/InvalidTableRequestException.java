package dev.omnigraph.ports.out.table;

/** The request does not fit the table (unknown column, type mismatch, malformed batch); nothing was written. */
public final class InvalidTableRequestException extends TableStorageException {
    public InvalidTableRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
