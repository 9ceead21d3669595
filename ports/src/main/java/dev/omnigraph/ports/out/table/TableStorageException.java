package dev.omnigraph.ports.out.table;

/**
 * The typed failures of {@link TableStorage}; adapters translate every engine error into one of these.
 */
public abstract sealed class TableStorageException extends RuntimeException
        permits TableNotFoundException, TableAlreadyExistsException, TableVersionNotFoundException,
                CommitConflictException, KeyConflictException, InvalidTableRequestException,
                TableStorageUnavailableException {

    protected TableStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
