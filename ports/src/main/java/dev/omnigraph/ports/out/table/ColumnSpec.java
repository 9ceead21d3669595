package dev.omnigraph.ports.out.table;

import java.util.Map;
import java.util.Objects;

/**
 * One column of a table.
 *
 * @param name column name
 * @param type value type
 * @param nullable whether nulls are allowed
 * @param metadata string key/value pairs stored with the column (e.g. the stable property id)
 */
public record ColumnSpec(String name, ColumnType type, boolean nullable, Map<String, String> metadata) {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a column name must not be empty");
        }
    }

    public static ColumnSpec required(String name, ColumnType type) {
        return new ColumnSpec(name, type, false, Map.of());
    }

    public static ColumnSpec nullable(String name, ColumnType type) {
        return new ColumnSpec(name, type, true, Map.of());
    }

    public ColumnSpec withMetadata(Map<String, String> values) {
        return new ColumnSpec(name, type, nullable, values);
    }
}
