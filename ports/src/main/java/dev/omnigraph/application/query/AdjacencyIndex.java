package dev.omnigraph.application.query;

import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.ScanCursor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topology of one edge type in one snapshot: node ids interned to dense ints, and the edges as a
 * CSR (by source, for following from→to) and a CSC (by destination, for following to→from), each
 * entry carrying its edge's ordinal so edge bindings can name the edge row. Immutable once built and
 * therefore safe to share between concurrent queries.
 *
 * <p>When both endpoints are the same node type, sources and destinations share one id space, so
 * multi-hop walks continue from a reached node; otherwise each endpoint has its own space (a Person
 * and a Company may share an id string without being confused).
 */
final class AdjacencyIndex {

    /** Node ids of one endpoint space ↔ dense ints. */
    static final class NodeIds {
        private final Map<String, Integer> dense = new HashMap<>();
        private final List<String> ids = new ArrayList<>();

        int intern(String id) {
            Integer existing = dense.get(id);
            if (existing != null) {
                return existing;
            }
            int next = ids.size();
            dense.put(id, next);
            ids.add(id);
            return next;
        }

        /** The dense int of {@code id}, or -1 when no edge touches it. */
        int lookup(String id) {
            Integer existing = dense.get(id);
            return existing == null ? -1 : existing;
        }

        String id(int denseId) {
            return ids.get(denseId);
        }

        int size() {
            return ids.size();
        }
    }

    /** Neighbours of dense node {@code n}: positions {@code offsets[n]} (inclusive) to {@code offsets[n+1]}. */
    record Adjacency(int[] offsets, int[] neighbours, int[] edges) {
        int start(int node) {
            return node < offsets.length - 1 ? offsets[node] : 0;
        }

        int end(int node) {
            return node < offsets.length - 1 ? offsets[node + 1] : 0;
        }
    }

    private final String edgeType;
    private final NodeIds sourceIds;
    private final NodeIds destinationIds;
    private final String[] edgeIds;
    private final Adjacency outgoing;
    private final Adjacency incoming;

    private AdjacencyIndex(String edgeType, NodeIds sourceIds, NodeIds destinationIds, String[] edgeIds,
                           Adjacency outgoing, Adjacency incoming) {
        this.edgeType = edgeType;
        this.sourceIds = sourceIds;
        this.destinationIds = destinationIds;
        this.edgeIds = edgeIds;
        this.outgoing = outgoing;
        this.incoming = incoming;
    }

    /**
     * Builds the index from a scan of the edge table's {@code id}, {@code src} and {@code dst}
     * columns; closes the cursor.
     *
     * @param sameEndpointType whether the edge's two endpoints are the same node type
     */
    static AdjacencyIndex build(String edgeType, boolean sameEndpointType, ScanCursor cursor) {
        NodeIds sources = new NodeIds();
        NodeIds destinations = sameEndpointType ? sources : new NodeIds();
        List<String> ids = new ArrayList<>();
        int[] from = new int[64];
        int[] to = new int[64];
        int count = 0;
        try (cursor) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                ColumnVector id = batch.column("id");
                ColumnVector src = batch.column("src");
                ColumnVector dst = batch.column("dst");
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (count == from.length) {
                        from = Arrays.copyOf(from, count * 2);
                        to = Arrays.copyOf(to, count * 2);
                    }
                    ids.add(id.getString(row));
                    from[count] = sources.intern(src.getString(row));
                    to[count] = destinations.intern(dst.getString(row));
                    count++;
                }
            }
        }
        Adjacency outgoing = compressed(from, to, count, sources.size());
        Adjacency incoming = compressed(to, from, count, destinations.size());
        return new AdjacencyIndex(edgeType, sources, destinations, ids.toArray(new String[0]), outgoing, incoming);
    }

    /** Counting sort of the edges by {@code key}; within one key, edges keep their scan order. */
    private static Adjacency compressed(int[] key, int[] other, int count, int nodes) {
        int[] offsets = new int[nodes + 1];
        for (int e = 0; e < count; e++) {
            offsets[key[e] + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            offsets[n + 1] += offsets[n];
        }
        int[] cursor = Arrays.copyOf(offsets, nodes);
        int[] neighbours = new int[count];
        int[] edges = new int[count];
        for (int e = 0; e < count; e++) {
            int position = cursor[key[e]]++;
            neighbours[position] = other[e];
            edges[position] = e;
        }
        return new Adjacency(offsets, neighbours, edges);
    }

    String edgeType() {
        return edgeType;
    }

    /** Ids of the edges' {@code from} endpoints. */
    NodeIds sourceIds() {
        return sourceIds;
    }

    /** Ids of the edges' {@code to} endpoints (the same object as {@link #sourceIds} for same-type edges). */
    NodeIds destinationIds() {
        return destinationIds;
    }

    boolean sharesIdSpace() {
        return sourceIds == destinationIds;
    }

    /** Edges by {@code from} endpoint; neighbours are destination ids. */
    Adjacency outgoing() {
        return outgoing;
    }

    /** Edges by {@code to} endpoint; neighbours are source ids. */
    Adjacency incoming() {
        return incoming;
    }

    String edgeId(int ordinal) {
        return edgeIds[ordinal];
    }

    int edgeCount() {
        return edgeIds.length;
    }
}
