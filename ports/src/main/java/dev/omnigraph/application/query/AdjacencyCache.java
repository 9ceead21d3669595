package dev.omnigraph.application.query;

import dev.omnigraph.domain.query.typecheck.EdgeTypeInfo;
import dev.omnigraph.ports.out.table.ScanRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small least-recently-used cache of edge topologies ({@link AdjacencyIndex}), keyed by the
 * snapshot's identity and the edge type, so repeated traversals of one snapshot scan each edge table
 * once (the reference keeps eight, keyed by the edge dataset's physical identity). A snapshot id never
 * names two different contents, so entries never go stale; they are only evicted.
 *
 * <p>Thread-safe. Two queries missing the same entry at once may both build it; one result is kept.
 */
public final class AdjacencyCache {

    private static final Logger LOG = LoggerFactory.getLogger(AdjacencyCache.class);

    /** The reference's capacity. */
    public static final int DEFAULT_CAPACITY = 8;

    private static final List<String> TOPOLOGY_COLUMNS = List.of("id", "src", "dst");

    private final Map<String, AdjacencyIndex> entries;
    private final AtomicLong builds = new AtomicLong();

    public AdjacencyCache() {
        this(DEFAULT_CAPACITY);
    }

    public AdjacencyCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AdjacencyIndex> eldest) {
                return size() > capacity;
            }
        };
    }

    /** How many indexes were built (cache misses) since creation. */
    public long buildCount() {
        return builds.get();
    }

    /** How many indexes are held now. */
    public synchronized int size() {
        return entries.size();
    }

    /** The topology of {@code edge} in the reader's snapshot, built on first use. */
    AdjacencyIndex get(GraphReader reader, EdgeTypeInfo edge) {
        String key = reader.snapshotId() + "\u0000" + edge.name();
        synchronized (this) {
            AdjacencyIndex cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        AdjacencyIndex built = AdjacencyIndex.build(edge.name(), edge.isSymmetric(),
                reader.scan("edge:" + edge.name(), ScanRequest.everything().project(TOPOLOGY_COLUMNS)));
        builds.incrementAndGet();
        LOG.debug("built adjacency of edge {} in snapshot {}: {} edges", edge.name(), reader.snapshotId(),
                built.edgeCount());
        synchronized (this) {
            AdjacencyIndex raced = entries.get(key);
            if (raced != null) {
                return raced;
            }
            entries.put(key, built);
            return built;
        }
    }
}
