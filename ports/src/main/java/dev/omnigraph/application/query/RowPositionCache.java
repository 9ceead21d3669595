package dev.omnigraph.application.query;

import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per snapshot and table, where each entity id sits in the table's storage order, so point lookups by
 * id (or by a key that is the id) and the hydration of traversal results read exactly their rows with
 * {@link GraphReader#take} instead of filtering a whole table. Built on first use from one {@code id}
 * scan, cached least-recently-used like the adjacency; a snapshot id never names two contents, so
 * entries never go stale.
 *
 * <p>Derived state only: the rows themselves are always read from storage.
 *
 * <p>Thread-safe. Two queries missing the same entry at once may both build it; one result is kept.
 */
public final class RowPositionCache {

    private static final Logger LOG = LoggerFactory.getLogger(RowPositionCache.class);

    /** Tables held at once; each costs roughly 100 bytes per row. */
    public static final int DEFAULT_CAPACITY = 16;

    private static final List<String> ID_COLUMN = List.of(EntityRows.ID);

    /** The positions of one table version's ids. */
    static final class RowPositions {
        private final Map<String, Integer> positionById;

        private RowPositions(Map<String, Integer> positionById) {
            this.positionById = positionById;
        }

        /** The position of {@code id}, or -1 when no row has it. */
        int positionOf(String id) {
            Integer position = positionById.get(id);
            return position == null ? -1 : position;
        }

        int size() {
            return positionById.size();
        }
    }

    private final Map<String, RowPositions> entries;
    private final AtomicLong builds = new AtomicLong();

    public RowPositionCache() {
        this(DEFAULT_CAPACITY);
    }

    public RowPositionCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RowPositions> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How many position maps were built (cache misses) since creation. */
    public long buildCount() {
        return builds.get();
    }

    /** The positions of {@code tableKey}'s ids in the reader's snapshot, built on first use. */
    RowPositions get(GraphReader reader, String tableKey) {
        String key = reader.snapshotId() + "\u0000" + tableKey;
        synchronized (this) {
            RowPositions cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        RowPositions built = build(reader.scan(tableKey, ScanRequest.everything().project(ID_COLUMN)));
        builds.incrementAndGet();
        LOG.debug("built row positions of {} in snapshot {}: {} rows", tableKey, reader.snapshotId(), built.size());
        synchronized (this) {
            RowPositions raced = entries.get(key);
            if (raced != null) {
                return raced;
            }
            entries.put(key, built);
            return built;
        }
    }

    /** Numbers the ids of an unfiltered scan, which returns rows in storage order. */
    private static RowPositions build(ScanCursor cursor) {
        Map<String, Integer> positions = new HashMap<>();
        int position = 0;
        try (cursor) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                ColumnVector ids = batch.column(EntityRows.ID);
                for (int row = 0; row < batch.rowCount(); row++) {
                    positions.putIfAbsent(ids.getString(row), position++);
                }
            }
        }
        return new RowPositions(positions);
    }
}
