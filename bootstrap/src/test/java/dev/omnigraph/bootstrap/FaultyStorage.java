package dev.omnigraph.bootstrap;

import dev.omnigraph.adapters.storage.objectstore.ObjectStores;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import dev.omnigraph.ports.out.StorageUnavailableException;
import dev.omnigraph.ports.out.StoredObject;
import dev.omnigraph.ports.out.VersionToken;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The real object stores, except that chosen operations on chosen keys of one location fail the way an
 * unreachable or refusing backend does ({@link StorageUnavailableException}). Lets a test produce the
 * storage failures a local disk run by root never shows (a ledger that cannot be written, a lock that
 * cannot be read, a folder that cannot be listed) on otherwise real storage. Faults apply from the moment
 * they are added, to stores located before or after; {@link #heal()} removes them all. Thread-safe.
 */
final class FaultyStorage implements ObjectStoreLocator {

    /** The kinds of store operation a fault can hit. */
    enum Operation {
        /** {@code get}, {@code find} and {@code exists}. */
        READ,
        /** {@code put}, {@code putIfAbsent} and {@code putIfMatch}. */
        WRITE,
        /** {@code list}: matched against the listed prefix. */
        LIST,
        DELETE
    }

    private record Fault(String location, Operation operation, String keyPrefix) {
        boolean hits(String atLocation, Operation attempted, String key) {
            return location.equals(atLocation) && operation == attempted && key.startsWith(keyPrefix);
        }
    }

    private final ObjectStoreLocator real = ObjectStores.locator();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /** From now on, {@code operation} on any key of {@code location} starting with {@code keyPrefix} fails. */
    FaultyStorage fail(String location, Operation operation, String keyPrefix) {
        faults.add(new Fault(location, operation, keyPrefix));
        return this;
    }

    /** Removes every fault. */
    void heal() {
        faults.clear();
    }

    @Override
    public ObjectStore locate(String location) {
        return new Store(real.locate(location), location);
    }

    private final class Store implements ObjectStore {
        private final ObjectStore delegate;
        private final String location;

        Store(ObjectStore delegate, String location) {
            this.delegate = delegate;
            this.location = location;
        }

        private void check(Operation operation, String key) {
            for (Fault fault : faults) {
                if (fault.hits(location, operation, key)) {
                    throw new StorageUnavailableException("injected " + operation.name().toLowerCase() + " failure on "
                            + location + "/" + key, null);
                }
            }
        }

        @Override
        public Set<Capability> capabilities() {
            return delegate.capabilities();
        }

        @Override
        public String location() {
            return delegate.location();
        }

        @Override
        public StoredObject get(ObjectKey key) {
            check(Operation.READ, key.value());
            return delegate.get(key);
        }

        @Override
        public boolean exists(ObjectKey key) {
            check(Operation.READ, key.value());
            return delegate.exists(key);
        }

        @Override
        public VersionToken put(ObjectKey key, byte[] bytes) {
            check(Operation.WRITE, key.value());
            return delegate.put(key, bytes);
        }

        @Override
        public VersionToken putIfAbsent(ObjectKey key, byte[] bytes) {
            check(Operation.WRITE, key.value());
            return delegate.putIfAbsent(key, bytes);
        }

        @Override
        public VersionToken putIfMatch(ObjectKey key, byte[] bytes, VersionToken expected) {
            check(Operation.WRITE, key.value());
            return delegate.putIfMatch(key, bytes, expected);
        }

        @Override
        public List<ObjectKey> list(String prefix) {
            check(Operation.LIST, prefix);
            return delegate.list(prefix);
        }

        @Override
        public void delete(ObjectKey key) {
            check(Operation.DELETE, key.value());
            delegate.delete(key);
        }
    }
}
