package dev.omnigraph.ports.out.table;

/** No table (or no such branch of it) exists at the location. */
public final class TableNotFoundException extends TableStorageException {
    public TableNotFoundException(String location, String branch, Throwable cause) {
        super("no table at " + location + (TableRef.MAIN.equals(branch) ? "" : " on branch '" + branch + "'"), cause);
    }
}
