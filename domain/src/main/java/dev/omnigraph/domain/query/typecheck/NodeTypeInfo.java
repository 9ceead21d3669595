package dev.omnigraph.domain.query.typecheck;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the query language needs to know about one node type.
 *
 * @param properties declared (and interface-injected) properties in declaration order
 * @param keyProperties the {@code @key} properties, empty when the type has no key
 * @param embedSources for each {@code @embed} vector property, the String property it is computed from
 */
public record NodeTypeInfo(
        String name, Map<String, ValueType> properties, List<String> keyProperties, Map<String, String> embedSources) {
    public NodeTypeInfo {
        Objects.requireNonNull(name, "name");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        keyProperties = List.copyOf(keyProperties);
        embedSources = Collections.unmodifiableMap(new LinkedHashMap<>(embedSources));
    }

    public Optional<ValueType> property(String propertyName) {
        return Optional.ofNullable(properties.get(propertyName));
    }
}
