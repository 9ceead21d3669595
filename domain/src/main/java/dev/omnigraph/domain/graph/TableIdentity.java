package dev.omnigraph.domain.graph;

import java.util.Locale;

/**
 * The identity of one table lifetime: the stable id of its type (survives renames) and the incarnation
 * (a drop and re-add starts a new one). Paths and manifest object ids are derived from it, never from the
 * type's name, so a rename moves no data.
 */
public record TableIdentity(long stableTableId, long incarnationId) implements Comparable<TableIdentity> {

    /** {@code <stable>-<incarnation>} as two 16-digit lowercase hex numbers. */
    public String folderName() {
        return hex16(stableTableId) + "-" + hex16(incarnationId);
    }

    /** The table's location relative to the graph root: {@code nodes/<folder>} or {@code edges/<folder>}. */
    public String relativeLocation(TableKind kind) {
        return kind.folder() + "/" + folderName();
    }

    /** Manifest object id of the registration row. */
    public String registrationObjectId() {
        return "table:" + hex16(stableTableId) + ":" + hex16(incarnationId);
    }

    /** Manifest object id of a published-version row. */
    public String versionObjectId(long version) {
        return "table_version:" + hex16(stableTableId) + ":" + hex16(incarnationId) + ":" + pad20(version);
    }

    /** Manifest object id of a tombstone row. */
    public String tombstoneObjectId(long version) {
        return "table_tombstone:" + hex16(stableTableId) + ":" + hex16(incarnationId) + ":" + pad20(version);
    }

    @Override
    public int compareTo(TableIdentity other) {
        int byTable = Long.compareUnsigned(stableTableId, other.stableTableId);
        return byTable != 0 ? byTable : Long.compareUnsigned(incarnationId, other.incarnationId);
    }

    private static String hex16(long value) {
        return String.format(Locale.ROOT, "%016x", value);
    }

    private static String pad20(long value) {
        return String.format(Locale.ROOT, "%020d", value);
    }
}
