package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.TableSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.lance.Dataset;

/**
 * Open Lance handles of exact dataset versions, kept between reads. A handle opened at a version never
 * moves, so one handle can serve every read of that version: reopening costs a manifest read and a
 * native allocation per scan, which dominates small point reads.
 *
 * <p>Handles are leased: a lease keeps its handle open until released even if the cache evicts it
 * meanwhile (the last release of an evicted handle closes it). The cache holds at most {@code capacity}
 * idle-or-busy entries, evicting the least recently used. Thread-safe.
 */
final class DatasetHandles implements AutoCloseable {

    /** One leased use of a handle; release exactly once. */
    interface Lease extends AutoCloseable {
        Dataset dataset();

        /** The dataset's schema at this version, converted once per handle. */
        TableSchema schema();

        /** The number of live rows at this version, counted once per handle. */
        long rowCount();

        @Override
        void close();
    }

    private static final class Entry {
        final Dataset dataset;
        final TableSchema schema;
        long rowCount = -1;
        int leases;
        boolean evicted;

        Entry(Dataset dataset, TableSchema schema) {
            this.dataset = dataset;
            this.schema = schema;
        }
    }

    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private boolean closed;

    DatasetHandles(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("handle cache capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
    }

    private static String key(String location, String branch, long version) {
        return location + '\u0000' + branch + '\u0000' + version;
    }

    /**
     * Leases the handle of {@code location}/{@code branch} at exactly {@code version}, opening it with
     * {@code opener} (outside the cache's lock) when not cached.
     */
    Lease lease(String location, String branch, long version, Supplier<Dataset> opener,
                Function<Dataset, TableSchema> schemaOf) {
        String key = key(location, branch, version);
        synchronized (this) {
            Entry cached = entries.get(key);
            if (cached != null) {
                cached.leases++;
                return leaseOf(cached);
            }
        }
        Dataset opened = opener.get();
        Entry fresh;
        try {
            fresh = new Entry(opened, schemaOf.apply(opened));
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        List<Dataset> toClose = new ArrayList<>();
        Entry leased;
        synchronized (this) {
            Entry raced = closed ? null : entries.get(key);
            if (raced != null) {
                toClose.add(opened);
                leased = raced;
            } else if (closed || capacity == 0) {
                fresh.evicted = true;
                leased = fresh;
            } else {
                entries.put(key, fresh);
                leased = fresh;
                evictBeyondCapacity(toClose);
            }
            leased.leases++;
        }
        toClose.forEach(Dataset::close);
        return leaseOf(leased);
    }

    private void evictBeyondCapacity(List<Dataset> toClose) {
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while (entries.size() > capacity && eldest.hasNext()) {
            Entry entry = eldest.next().getValue();
            eldest.remove();
            retire(entry, toClose);
        }
    }

    private static void retire(Entry entry, List<Dataset> toClose) {
        entry.evicted = true;
        if (entry.leases == 0) {
            toClose.add(entry.dataset);
        }
    }

    private Lease leaseOf(Entry entry) {
        return new Lease() {
            private boolean released;

            @Override
            public Dataset dataset() {
                return entry.dataset;
            }

            @Override
            public TableSchema schema() {
                return entry.schema;
            }

            @Override
            public long rowCount() {
                synchronized (entry) {
                    if (entry.rowCount < 0) {
                        entry.rowCount = entry.dataset.countRows();
                    }
                    return entry.rowCount;
                }
            }

            @Override
            public void close() {
                boolean closeHandle;
                synchronized (DatasetHandles.this) {
                    if (released) {
                        return;
                    }
                    released = true;
                    entry.leases--;
                    closeHandle = entry.evicted && entry.leases == 0;
                }
                if (closeHandle) {
                    entry.dataset.close();
                }
            }
        };
    }

    /** Forgets every handle of a location (before it is dropped or its versions are reclaimed). */
    void invalidate(String location) {
        String prefix = location + '\u0000';
        List<Dataset> toClose = new ArrayList<>();
        synchronized (this) {
            Iterator<Map.Entry<String, Entry>> all = entries.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<String, Entry> next = all.next();
                if (next.getKey().startsWith(prefix)) {
                    all.remove();
                    retire(next.getValue(), toClose);
                }
            }
        }
        toClose.forEach(Dataset::close);
    }

    /** Closes every idle handle; busy ones close when their last lease is released. */
    @Override
    public void close() {
        List<Dataset> toClose = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Entry entry : entries.values()) {
                retire(entry, toClose);
            }
            entries.clear();
        }
        toClose.forEach(Dataset::close);
    }
}
