package dev.omnigraph.ports.out.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a table, in order, plus table-level metadata and the primary-key column.
 *
 * <p>The primary key is what makes concurrent writers safe: a conditional insert or upsert of a key
 * another writer touched concurrently fails with {@link CommitConflictException} instead of silently
 * producing duplicates. It is fixed when the table is created.
 *
 * @param columns the columns, in storage order; names unique
 * @param primaryKey the name of the primary-key column (non-nullable UTF8), or empty for none
 * @param metadata table-level metadata (e.g. {@code omnigraph:internal_schema_version})
 */
public record TableSchema(List<ColumnSpec> columns, Optional<String> primaryKey, Map<String, String> metadata) {

    public TableSchema {
        columns = List.copyOf(columns);
        Objects.requireNonNull(primaryKey, "primaryKey");
        metadata = Map.copyOf(metadata == null ? Map.of() : metadata);
        Set<String> names = new HashSet<>();
        for (ColumnSpec column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("duplicate column '" + column.name() + "'");
            }
        }
        if (primaryKey.isPresent()) {
            checkPrimaryKey(columns, primaryKey.get());
        }
    }

    private static void checkPrimaryKey(List<ColumnSpec> columns, String key) {
        ColumnSpec keyColumn = columns.stream().filter(c -> c.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("primary key column '" + key + "' is not a column"));
        if (keyColumn.nullable() || keyColumn.type() != ColumnType.UTF8) {
            throw new IllegalArgumentException("primary key column '" + key + "' must be a non-nullable UTF8 column");
        }
    }

    /** A schema keyed on {@code id}. */
    public static TableSchema keyedOnId(List<ColumnSpec> columns, Map<String, String> metadata) {
        return new TableSchema(columns, Optional.of("id"), metadata);
    }

    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<ColumnSpec> column(String name) {
        int index = indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(columns.get(index));
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        columns.forEach(c -> names.add(c.name()));
        return names;
    }

    /** This schema restricted to the named columns, in the order given. */
    public TableSchema project(List<String> names) {
        List<ColumnSpec> projected = new ArrayList<>(names.size());
        for (String name : names) {
            projected.add(column(name).orElseThrow(() -> new IllegalArgumentException("no column '" + name + "'")));
        }
        Optional<String> key = primaryKey.filter(names::contains);
        return new TableSchema(projected, key, metadata);
    }
}
