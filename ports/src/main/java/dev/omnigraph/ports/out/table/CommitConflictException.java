package dev.omnigraph.ports.out.table;

/**
 * A write lost a race: the branch moved past the writer's expected version, or a concurrent commit
 * touched the same primary keys. Nothing was committed; the caller re-reads and decides again (or
 * reports the conflict). Never retried inside the adapter.
 */
public final class CommitConflictException extends TableStorageException {
    public CommitConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
