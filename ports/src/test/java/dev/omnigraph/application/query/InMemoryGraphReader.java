package dev.omnigraph.application.query;

import dev.omnigraph.domain.query.typecheck.EdgeTypeInfo;
import dev.omnigraph.domain.query.typecheck.NodeTypeInfo;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.ValueType;
import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableSchema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * A test fake of one graph snapshot held in {@link RowBatchBuilder} batches. It evaluates every
 * {@link TableFilter} itself (SQL semantics: a comparison with NULL is never true), honours column
 * projections, returns rows in small batches (so callers must copy across batch boundaries) and
 * records every scan it receives, so tests can assert what was pushed down.
 */
final class InMemoryGraphReader implements GraphReader {

    /** One scan the reader served. */
    record Scan(String tableKey, ScanRequest request) {
    }

    /** One take (read by row positions) the reader served. */
    record Take(String tableKey, List<Long> positions, List<String> columns) {
    }

    private final QueryCatalog catalog;
    private final String snapshotId;
    private final Map<String, TableSchema> schemas;
    private final Map<String, List<Object[]>> tables;
    private final int batchSize;
    private final List<Scan> scans = Collections.synchronizedList(new ArrayList<>());
    private final List<Take> takes = Collections.synchronizedList(new ArrayList<>());

    private InMemoryGraphReader(Builder builder, String snapshotId) {
        this.catalog = builder.catalog;
        this.snapshotId = snapshotId;
        this.schemas = builder.schemas;
        Map<String, List<Object[]>> copy = new LinkedHashMap<>();
        builder.tables.forEach((key, rows) -> copy.put(key, List.copyOf(rows)));
        this.tables = copy;
        this.batchSize = builder.batchSize;
    }

    static Builder builder(QueryCatalog catalog) {
        return new Builder(catalog);
    }

    @Override
    public QueryCatalog catalog() {
        return catalog;
    }

    @Override
    public String snapshotId() {
        return snapshotId;
    }

    List<Scan> scans() {
        return List.copyOf(scans);
    }

    List<Scan> scansOf(String tableKey) {
        return scans().stream().filter(s -> s.tableKey().equals(tableKey)).toList();
    }

    List<Take> takesOf(String tableKey) {
        return List.copyOf(takes).stream().filter(t -> t.tableKey().equals(tableKey)).toList();
    }

    void clearScans() {
        scans.clear();
        takes.clear();
    }

    @Override
    public ScanCursor scan(String tableKey, ScanRequest request) {
        TableSchema schema = schemas.get(tableKey);
        if (schema == null) {
            throw new IllegalArgumentException("no table " + tableKey);
        }
        scans.add(new Scan(tableKey, request));
        List<String> columns = request.columns().orElse(schema.columnNames());
        List<Object[]> matching = new ArrayList<>();
        for (Object[] row : tables.get(tableKey)) {
            if (matches(request.filter(), schema, row)) {
                matching.add(row);
            }
        }
        if (request.limit().isPresent() && matching.size() > request.limit().getAsLong()) {
            matching = matching.subList(0, (int) request.limit().getAsLong());
        }
        return cursorOf(matching, schema, columns);
    }

    /** Serves rows by position in insertion order (the fake's storage order), recording each take. */
    @Override
    public ScanCursor take(String tableKey, long[] positions, Optional<List<String>> columns) {
        TableSchema schema = schemas.get(tableKey);
        if (schema == null) {
            throw new IllegalArgumentException("no table " + tableKey);
        }
        takes.add(new Take(tableKey, java.util.Arrays.stream(positions).boxed().toList(),
                columns.orElse(schema.columnNames())));
        List<Object[]> all = tables.get(tableKey);
        List<Object[]> taken = new ArrayList<>(positions.length);
        for (long position : positions) {
            if (position < 0 || position >= all.size()) {
                throw new IllegalArgumentException("no position " + position + " in " + tableKey);
            }
            taken.add(all.get((int) position));
        }
        return cursorOf(taken, schema, columns.orElse(schema.columnNames()));
    }

    private ScanCursor cursorOf(List<Object[]> matching, TableSchema schema, List<String> columns) {
        TableSchema projected = schema.project(columns);
        List<ColumnarBatch> batches = new ArrayList<>();
        for (int start = 0; start < matching.size(); start += batchSize) {
            RowBatchBuilder batch = new RowBatchBuilder(projected);
            for (Object[] row : matching.subList(start, Math.min(matching.size(), start + batchSize))) {
                Object[] values = new Object[columns.size()];
                for (int c = 0; c < columns.size(); c++) {
                    values[c] = row[schema.indexOf(columns.get(c))];
                }
                batch.addRow(values);
            }
            batches.add(batch.build());
        }
        return new ScanCursor() {
            private int next;
            private boolean closed;

            @Override
            public boolean hasNext() {
                return !closed && next < batches.size();
            }

            @Override
            public ColumnarBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return batches.get(next++);
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }


    private static boolean matches(TableFilter filter, TableSchema schema, Object[] row) {
        if (filter instanceof TableFilter.All) {
            return true;
        }
        if (filter instanceof TableFilter.And and) {
            return and.operands().stream().allMatch(f -> matches(f, schema, row));
        }
        if (filter instanceof TableFilter.Or or) {
            return or.operands().stream().anyMatch(f -> matches(f, schema, row));
        }
        if (filter instanceof TableFilter.Not not) {
            return !matches(not.operand(), schema, row);
        }
        if (filter instanceof TableFilter.IsNull isNull) {
            return (row[column(schema, isNull.column())] == null) != isNull.negated();
        }
        if (filter instanceof TableFilter.Compare compare) {
            Object value = row[column(schema, compare.column())];
            if (value == null) {
                return false;
            }
            int order = compareValues(schema, compare.column(), value, compare.value());
            return switch (compare.operator()) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        }
        if (filter instanceof TableFilter.In in) {
            Object value = row[column(schema, in.column())];
            return value != null && in.values().stream().anyMatch(v -> compareValues(schema, in.column(), value, v) == 0);
        }
        if (filter instanceof TableFilter.StartsWith startsWith) {
            return row[column(schema, startsWith.column())] instanceof String text && text.startsWith(startsWith.prefix());
        }
        if (filter instanceof TableFilter.Contains contains) {
            return row[column(schema, contains.column())] instanceof String text && text.contains(contains.text());
        }
        TableFilter.ListContains listContains = (TableFilter.ListContains) filter;
        return row[column(schema, listContains.column())] instanceof List<?> list
                && list.stream().anyMatch(v -> v != null
                        && compareValues(schema, listContains.column(), v, listContains.value()) == 0);
    }

    private static int column(TableSchema schema, String name) {
        int index = schema.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("filter names unknown column " + name);
        }
        return index;
    }

    /** Compares as storage does: UINT64 values (held as their bits) unsigned. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(TableSchema schema, String column, Object stored, Object literal) {
        ColumnType type = schema.column(column).orElseThrow().type();
        boolean unsigned = type == ColumnType.UINT64
                || (type instanceof ColumnType.ListOf list && list.element() == ColumnType.Scalar.UINT64);
        if (unsigned && stored instanceof Long a && literal instanceof Long b) {
            return Long.compareUnsigned(a, b);
        }
        if (stored instanceof Number a && literal instanceof Number b) {
            if (stored instanceof Double || literal instanceof Double) {
                return Double.compare(a.doubleValue(), b.doubleValue());
            }
            return Long.compare(a.longValue(), b.longValue());
        }
        if (stored.getClass() != literal.getClass()) {
            throw new IllegalArgumentException("pushed literal " + literal + " (" + literal.getClass().getSimpleName()
                    + ") does not match the column representation of " + stored);
        }
        return ((Comparable) stored).compareTo(literal);
    }

    /** Collects rows per table; node and edge tables follow the catalog's types. */
    static final class Builder {
        private final QueryCatalog catalog;
        private final Map<String, TableSchema> schemas = new LinkedHashMap<>();
        private final Map<String, List<Object[]>> tables = new LinkedHashMap<>();
        private int batchSize = 2;

        private Builder(QueryCatalog catalog) {
            this.catalog = catalog;
            for (NodeTypeInfo node : catalog.nodeTypes()) {
                List<ColumnSpec> columns = new ArrayList<>();
                columns.add(ColumnSpec.required("id", ColumnType.UTF8));
                node.properties().forEach((name, type) -> columns.add(column(name, type)));
                schemas.put("node:" + node.name(), TableSchema.keyedOnId(columns, Map.of()));
                tables.put("node:" + node.name(), new ArrayList<>());
            }
            for (EdgeTypeInfo edge : catalog.edgeTypes()) {
                List<ColumnSpec> columns = new ArrayList<>();
                columns.add(ColumnSpec.required("id", ColumnType.UTF8));
                columns.add(ColumnSpec.required("src", ColumnType.UTF8));
                columns.add(ColumnSpec.required("dst", ColumnType.UTF8));
                edge.properties().forEach((name, type) -> columns.add(column(name, type)));
                schemas.put("edge:" + edge.name(), TableSchema.keyedOnId(columns, Map.of()));
                tables.put("edge:" + edge.name(), new ArrayList<>());
            }
        }

        Builder batchSize(int rows) {
            this.batchSize = rows;
            return this;
        }

        /** A node row: its id and property values by name (typed representations; absent = null). */
        Builder node(String type, String id, Map<String, ?> properties) {
            TableSchema schema = schema("node:" + type);
            Object[] row = new Object[schema.columns().size()];
            row[0] = id;
            put(schema, row, properties);
            tables.get("node:" + type).add(validated(schema, row));
            return this;
        }

        /** An edge row. */
        Builder edge(String type, String id, String from, String to, Map<String, ?> properties) {
            TableSchema schema = schema("edge:" + type);
            Object[] row = new Object[schema.columns().size()];
            row[0] = id;
            row[1] = from;
            row[2] = to;
            put(schema, row, properties);
            tables.get("edge:" + type).add(validated(schema, row));
            return this;
        }

        InMemoryGraphReader build(String snapshotId) {
            return new InMemoryGraphReader(this, snapshotId);
        }

        private TableSchema schema(String key) {
            return Objects.requireNonNull(schemas.get(key), () -> "no table " + key);
        }

        private static void put(TableSchema schema, Object[] row, Map<String, ?> properties) {
            properties.forEach((name, value) -> {
                int index = schema.indexOf(name);
                if (index < 0) {
                    throw new IllegalArgumentException("no column " + name);
                }
                row[index] = value;
            });
        }

        /** Normalises values exactly as storage would (RowBatchBuilder refuses malformed rows). */
        private static Object[] validated(TableSchema schema, Object[] row) {
            ColumnarBatch batch = new RowBatchBuilder(schema).addRow(row).build();
            Object[] normalised = new Object[row.length];
            for (int c = 0; c < row.length; c++) {
                ColumnVector vector = batch.column(c);
                normalised[c] = vector.get(0);
            }
            return normalised;
        }

        private static ColumnSpec column(String name, ValueType type) {
            ColumnType columnType;
            if (type.isVector()) {
                columnType = new ColumnType.Vector(type.vectorDimension());
            } else {
                ColumnType.Scalar scalar = switch (type.kind()) {
                    case STRING, BLOB -> ColumnType.Scalar.UTF8;
                    case BOOL -> ColumnType.Scalar.BOOL;
                    case I32 -> ColumnType.Scalar.INT32;
                    case I64 -> ColumnType.Scalar.INT64;
                    case U32 -> ColumnType.Scalar.UINT32;
                    case U64 -> ColumnType.Scalar.UINT64;
                    case F32 -> ColumnType.Scalar.FLOAT32;
                    case F64 -> ColumnType.Scalar.FLOAT64;
                    case DATE -> ColumnType.Scalar.DATE;
                    case DATE_TIME -> ColumnType.Scalar.DATETIME;
                    case VECTOR -> throw new IllegalStateException("handled above");
                };
                columnType = type.list() ? new ColumnType.ListOf(scalar) : scalar;
            }
            return new ColumnSpec(name, columnType, type.nullable(), Map.of());
        }
    }
}
