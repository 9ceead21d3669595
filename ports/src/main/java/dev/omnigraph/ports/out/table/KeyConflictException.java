package dev.omnigraph.ports.out.table;

import java.util.List;

/** A strict insert found rows whose primary key already exists; nothing was written. */
public final class KeyConflictException extends TableStorageException {
    private final transient List<String> keys;

    public KeyConflictException(String location, List<String> keys, Throwable cause) {
        super("key conflict in " + location + ": " + (keys.isEmpty() ? "an existing key" : String.join(", ", keys)), cause);
        this.keys = List.copyOf(keys);
    }

    /** The conflicting keys the adapter could identify (possibly empty). */
    public List<String> keys() {
        return keys;
    }
}
