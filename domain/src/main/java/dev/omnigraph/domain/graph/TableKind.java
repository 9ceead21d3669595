package dev.omnigraph.domain.graph;

/** Whether a table holds a node type or an edge type, with the spellings the reference uses for each. */
public enum TableKind {
    NODE("node", "nodes"),
    EDGE("edge", "edges");

    private final String keyPrefix;
    private final String folder;

    TableKind(String keyPrefix, String folder) {
        this.keyPrefix = keyPrefix;
        this.folder = folder;
    }

    /** {@code node:Person} / {@code edge:Knows}: the manifest's mutable alias of a table. */
    public String tableKey(String typeName) {
        return keyPrefix + ":" + typeName;
    }

    /** The folder of the graph root holding this kind's tables. */
    public String folder() {
        return folder;
    }

    /** The kind of a table key, or an exception for anything else. */
    public static TableKind ofTableKey(String tableKey) {
        if (tableKey.startsWith("node:")) {
            return NODE;
        }
        if (tableKey.startsWith("edge:")) {
            return EDGE;
        }
        throw new IllegalArgumentException("not a table key: '" + tableKey + "'");
    }

    /** The type name part of a table key. */
    public static String typeNameOf(String tableKey) {
        ofTableKey(tableKey);
        return tableKey.substring(5);
    }
}
