package dev.omnigraph.adapters.storage.objectstore;

import dev.omnigraph.adapters.storage.objectstore.ObjectStoreRequestCounts.Operation;
import dev.omnigraph.ports.out.ObjectKey;
import dev.omnigraph.ports.out.ObjectStore;
import dev.omnigraph.ports.out.ObjectStoreLocator;
import dev.omnigraph.ports.out.StoredObject;
import dev.omnigraph.ports.out.VersionToken;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A decorator that counts the calls an {@link ObjectStore} receives, per operation, into an
 * {@link ObjectStoreRequestCounts}, and otherwise passes every call through unchanged (same results, same
 * exceptions, same tokens). For diagnostics and measurements: how many storage requests an engine operation
 * costs. {@link #find} is passed to the delegate's own {@code find}, so a backend that answers it with one
 * request is counted as one. Made by {@link ObjectStores#counting(ObjectStore, ObjectStoreRequestCounts)} and
 * {@link ObjectStores#counting(ObjectStoreLocator, ObjectStoreRequestCounts)}.
 */
final class CountingObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private final ObjectStoreRequestCounts counts;

    CountingObjectStore(ObjectStore delegate, ObjectStoreRequestCounts counts) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.counts = Objects.requireNonNull(counts, "counts");
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
        counts.record(Operation.GET);
        return delegate.get(key);
    }

    @Override
    public Optional<StoredObject> find(ObjectKey key) {
        counts.record(Operation.FIND);
        return delegate.find(key);
    }

    @Override
    public boolean exists(ObjectKey key) {
        counts.record(Operation.EXISTS);
        return delegate.exists(key);
    }

    @Override
    public VersionToken put(ObjectKey key, byte[] bytes) {
        counts.record(Operation.PUT);
        return delegate.put(key, bytes);
    }

    @Override
    public VersionToken putIfAbsent(ObjectKey key, byte[] bytes) {
        counts.record(Operation.PUT_IF_ABSENT);
        return delegate.putIfAbsent(key, bytes);
    }

    @Override
    public VersionToken putIfMatch(ObjectKey key, byte[] bytes, VersionToken expected) {
        counts.record(Operation.PUT_IF_MATCH);
        return delegate.putIfMatch(key, bytes, expected);
    }

    @Override
    public List<ObjectKey> list(String prefix) {
        counts.record(Operation.LIST);
        return delegate.list(prefix);
    }

    @Override
    public void delete(ObjectKey key) {
        counts.record(Operation.DELETE);
        delegate.delete(key);
    }
}
