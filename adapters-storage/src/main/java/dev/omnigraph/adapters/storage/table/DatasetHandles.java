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
 * meanwhile (the last release of an evicted handle closes it). Lance serializes some calls on one handle
 * ({@code Dataset.take} is {@code synchronized}), so concurrent readers of one version get handles of
 * their own: a lease prefers an idle handle of the version, opens another while fewer than
 * {@code handlesPerVersion} exist, and only then shares the least busy one. The cache holds at most
 * {@code capacity} handles in all, evicting the least recently used versions. Thread-safe.
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

    /** Handles one version may have open at once (enough for the readers of a small server's cores). */
    static final int DEFAULT_HANDLES_PER_VERSION = 4;

    private final int capacity;
    private final int handlesPerVersion;
    private final LinkedHashMap<String, List<Entry>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private int handleCount;
    private boolean closed;

    DatasetHandles(int capacity) {
        this(capacity, DEFAULT_HANDLES_PER_VERSION);
    }

    DatasetHandles(int capacity, int handlesPerVersion) {
        if (capacity < 0) {
            throw new IllegalArgumentException("handle cache capacity must not be negative: " + capacity);
        }
        if (handlesPerVersion < 1) {
            throw new IllegalArgumentException("at least one handle per version: " + handlesPerVersion);
        }
        this.capacity = capacity;
        this.handlesPerVersion = handlesPerVersion;
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
            List<Entry> cached = entries.get(key);
            if (cached != null) {
                Entry idle = leastBusy(cached);
                if (idle.leases == 0 || cached.size() >= handlesPerVersion) {
                    idle.leases++;
                    return leaseOf(idle);
                }
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
            List<Entry> pool = closed ? null : entries.get(key);
            if (pool != null && pool.size() >= handlesPerVersion) {
                toClose.add(opened); // others opened this version's handles meanwhile
                leased = leastBusy(pool);
            } else if (closed || capacity == 0) {
                fresh.evicted = true;
                leased = fresh;
            } else {
                entries.computeIfAbsent(key, k -> new ArrayList<>()).add(fresh);
                handleCount++;
                leased = fresh;
                evictBeyondCapacity(key, toClose);
            }
            leased.leases++;
        }
        toClose.forEach(Dataset::close);
        return leaseOf(leased);
    }

    private static Entry leastBusy(List<Entry> pool) {
        Entry best = pool.get(0);
        for (Entry entry : pool) {
            if (entry.leases < best.leases) {
                best = entry;
            }
        }
        return best;
    }

    /** Evicts whole versions, least recently used first, never the one just leased. */
    private void evictBeyondCapacity(String keep, List<Dataset> toClose) {
        Iterator<Map.Entry<String, List<Entry>>> eldest = entries.entrySet().iterator();
        while (handleCount > capacity && eldest.hasNext()) {
            Map.Entry<String, List<Entry>> next = eldest.next();
            if (next.getKey().equals(keep)) {
                continue;
            }
            eldest.remove();
            for (Entry entry : next.getValue()) {
                handleCount--;
                retire(entry, toClose);
            }
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
            Iterator<Map.Entry<String, List<Entry>>> all = entries.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<String, List<Entry>> next = all.next();
                if (next.getKey().startsWith(prefix)) {
                    all.remove();
                    for (Entry entry : next.getValue()) {
                        handleCount--;
                        retire(entry, toClose);
                    }
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
            for (List<Entry> pool : entries.values()) {
                for (Entry entry : pool) {
                    retire(entry, toClose);
                }
            }
            entries.clear();
            handleCount = 0;
        }
        toClose.forEach(Dataset::close);
    }
}
