package dev.omnigraph.domain.cluster;

import dev.omnigraph.domain.json.JsonDigest;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Immutable maps keyed by address or id in the reference's {@code BTreeMap} order (code point
 * order), so iteration order, JSON member order and digests agree with the reference.
 */
public final class AddressMaps {

    private AddressMaps() {
    }

    public static <V> SortedMap<String, V> copyOf(Map<String, V> source) {
        TreeMap<String, V> copy = new TreeMap<>(JsonDigest.CODE_POINT_ORDER);
        source.forEach((key, value) -> copy.put(key, Objects.requireNonNull(value, key)));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** A fresh mutable map in address order, for building a new value inside one function. */
    public static <V> TreeMap<String, V> mutable(Map<String, V> source) {
        TreeMap<String, V> copy = new TreeMap<>(JsonDigest.CODE_POINT_ORDER);
        copy.putAll(source);
        return copy;
    }

    public static <V> SortedMap<String, V> empty() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(JsonDigest.CODE_POINT_ORDER));
    }
}
