package dev.omnigraph.adapters.storage.objectstore;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many calls each {@link dev.omnigraph.ports.out.ObjectStore} operation received through the counting
 * stores sharing this instance ({@link ObjectStores#counting(dev.omnigraph.ports.out.ObjectStore,
 * ObjectStoreRequestCounts)}). Every call counts once, whether it succeeded or failed:
 * on S3 and Azure each call is exactly one storage request (a listing is one request per page of 1,000 keys
 * on S3 and 5,000 on Azure), so these are the requests the port costs. Thread-safe.
 */
public final class ObjectStoreRequestCounts {

    /** The operations of the port, one per method. */
    public enum Operation {
        GET, FIND, EXISTS, PUT, PUT_IF_ABSENT, PUT_IF_MATCH, LIST, DELETE;

        /** Whether the operation only reads. */
        public boolean reads() {
            return this == GET || this == FIND || this == EXISTS || this == LIST;
        }
    }

    private final Map<Operation, LongAdder> counters = new EnumMap<>(Operation.class);

    public ObjectStoreRequestCounts() {
        for (Operation operation : Operation.values()) {
            counters.put(operation, new LongAdder());
        }
    }

    void record(Operation operation) {
        counters.get(operation).increment();
    }

    /** The calls of each operation so far; operations never called are left out. */
    public Map<Operation, Long> snapshot() {
        Map<Operation, Long> counts = new EnumMap<>(Operation.class);
        counters.forEach((operation, counter) -> {
            long count = counter.sum();
            if (count > 0) {
                counts.put(operation, count);
            }
        });
        return Collections.unmodifiableMap(counts);
    }

    /** All calls so far. */
    public long total() {
        return counters.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The calls of reading operations so far. */
    public long reads() {
        return counters.entrySet().stream().filter(entry -> entry.getKey().reads())
                .mapToLong(entry -> entry.getValue().sum()).sum();
    }

    /** The calls of writing operations (puts and deletes) so far. */
    public long writes() {
        return total() - reads();
    }

    /** Starts counting from zero again. Calls in flight may land on either side of the reset. */
    public void reset() {
        counters.values().forEach(LongAdder::reset);
    }

    @Override
    public String toString() {
        return snapshot() + " (" + reads() + " reads, " + writes() + " writes)";
    }
}
