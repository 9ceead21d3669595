package dev.omnigraph.domain.query.typecheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the query language needs to know about one edge type: its endpoints and its own properties. */
public record EdgeTypeInfo(String name, String fromType, String toType, Map<String, ValueType> properties) {
    public EdgeTypeInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fromType, "fromType");
        Objects.requireNonNull(toType, "toType");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public Optional<ValueType> property(String propertyName) {
        return Optional.ofNullable(properties.get(propertyName));
    }

    /** True when both endpoints are the same node type (the only edges undirected traversal accepts). */
    public boolean isSymmetric() {
        return fromType.equals(toType);
    }
}
