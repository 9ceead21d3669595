package dev.omnigraph.ports.out.table;

/**
 * The requested version does not exist on the branch, or existed and was reclaimed by cleanup (the
 * engine reports the latter as {@code HistoricalVersionReclaimed}).
 */
public final class TableVersionNotFoundException extends TableStorageException {
    private final long version;

    public TableVersionNotFoundException(String location, long version, Throwable cause) {
        super("version " + version + " of " + location + " does not exist (never written or reclaimed)", cause);
        this.version = version;
    }

    public long version() {
        return version;
    }
}
