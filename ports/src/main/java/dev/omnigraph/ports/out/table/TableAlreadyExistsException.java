package dev.omnigraph.ports.out.table;

/** A strict create found a table (or a branch of that name) already there; nothing was written. */
public final class TableAlreadyExistsException extends TableStorageException {
    public TableAlreadyExistsException(String what, Throwable cause) {
        super(what + " already exists", cause);
    }
}
