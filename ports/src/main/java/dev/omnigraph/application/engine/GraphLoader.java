package dev.omnigraph.application.engine;

import dev.omnigraph.application.engine.GraphTables.TableLayout;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.TableKind;
import dev.omnigraph.domain.graph.load.DataCodes;
import dev.omnigraph.domain.graph.load.DataViolation;
import dev.omnigraph.domain.graph.load.GraphDataException;
import dev.omnigraph.domain.graph.load.GraphRecord;
import dev.omnigraph.domain.graph.load.GraphRecord.EdgeRecord;
import dev.omnigraph.domain.graph.load.GraphRecord.NodeRecord;
import dev.omnigraph.domain.graph.load.LoadMode;
import dev.omnigraph.domain.graph.load.RecordDecoder;
import dev.omnigraph.domain.json.JsonValue;
import dev.omnigraph.domain.schema.Cardinality;
import dev.omnigraph.domain.schema.ir.ConstraintIr;
import dev.omnigraph.domain.schema.ir.FieldRef;
import dev.omnigraph.domain.schema.ir.PropertyIr;
import dev.omnigraph.domain.schema.ir.SchemaIr.EdgeIr;
import dev.omnigraph.ports.in.LoadGraphCommand;
import dev.omnigraph.ports.in.LoadGraphUseCase.ProgressListener;
import dev.omnigraph.ports.out.IdSource;
import dev.omnigraph.ports.out.JsonDecoder;
import dev.omnigraph.ports.out.MalformedJsonException;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.RowBatchBuilder;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableRef;
import dev.omnigraph.ports.out.table.TableStorage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads JSONL graph data: parses and validates every record, checks everything that needs committed data
 * (key conflicts, uniqueness, dangling endpoints, cardinality) and the hard limits — all before the first
 * write — then writes each touched table once and returns the manifest rows to publish.
 */
final class GraphLoader {

    /** Keyed writes (append, merge) per table per load, as the reference caps them. */
    static final int MAX_KEYED_ENTITIES = 8_192;
    /** Staged data per table per load. */
    static final long MAX_STAGED_BYTES = 32L * 1024 * 1024;
    private static final int MAX_REPORTED_VIOLATIONS = 50;
    private static final int FILTER_CHUNK = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(GraphLoader.class);

    private final TableStorage storage;
    private final JsonDecoder json;
    private final IdSource ids;

    GraphLoader(TableStorage storage, JsonDecoder json, IdSource ids) {
        this.storage = storage;
        this.json = json;
        this.ids = ids;
    }

    /** Validated records grouped by table key, in schema order. */
    record Staged(Map<String, List<? extends GraphRecord>> byTable, Map<String, Long> nodeCounts, Map<String, Long> edgeCounts) {
        boolean isEmpty() {
            return byTable.isEmpty();
        }
    }

    Staged stage(OpenGraph graph, LoadGraphCommand command, ProgressListener progress) {
        return stageRecords(graph, decode(graph, command, progress), command.mode(), progress);
    }

    /**
     * Decodes in-memory envelopes (a mutation's records) as if they were JSONL lines numbered from 1,
     * so they get exactly a loaded record's validation.
     */
    List<GraphRecord> decodeEnvelopes(OpenGraph graph, List<? extends JsonValue> envelopes) {
        RecordDecoder decoder = new RecordDecoder(graph.schema().ir());
        List<GraphRecord> records = new ArrayList<>(envelopes.size());
        List<DataViolation> violations = new ArrayList<>();
        int line = 0;
        for (JsonValue envelope : envelopes) {
            line++;
            try {
                records.add(decoder.decode(envelope, line, ids::newUlid));
            } catch (GraphDataException invalid) {
                violations.addAll(invalid.violations());
            }
        }
        if (!violations.isEmpty()) {
            throw new GraphDataException(cap(violations));
        }
        return records;
    }

    /** Validates decoded records against the snapshot (keys, uniqueness, endpoints, cardinality, limits). */
    Staged stageRecords(OpenGraph graph, List<GraphRecord> records, LoadMode mode, ProgressListener progress) {
        Map<String, List<GraphRecord>> grouped = new LinkedHashMap<>();
        for (TableLayout layout : graph.layouts()) {
            grouped.put(layout.tableKey(), new ArrayList<>());
        }
        for (GraphRecord record : records) {
            String key = (record instanceof NodeRecord ? TableKind.NODE : TableKind.EDGE).tableKey(record.typeName());
            grouped.get(key).add(record);
        }
        List<DataViolation> violations = new ArrayList<>();
        Map<String, List<? extends GraphRecord>> byTable = new LinkedHashMap<>();
        Map<String, Long> nodeCounts = new LinkedHashMap<>();
        Map<String, Long> edgeCounts = new LinkedHashMap<>();
        for (TableLayout layout : graph.layouts()) {
            List<GraphRecord> group = grouped.get(layout.tableKey());
            if (group.isEmpty()) {
                continue;
            }
            List<GraphRecord> deduplicated = deduplicate(layout, group, mode, violations);
            byTable.put(layout.tableKey(), deduplicated);
            (layout.kind() == TableKind.NODE ? nodeCounts : edgeCounts).put(layout.typeName(), (long) group.size());
            checkLimits(layout, deduplicated, mode);
        }
        progress.onProgress("checking constraints", 0, byTable.size());
        int checked = 0;
        for (Map.Entry<String, List<? extends GraphRecord>> entry : byTable.entrySet()) {
            TableLayout layout = graph.layout(entry.getKey()).orElseThrow();
            if (mode == LoadMode.APPEND) {
                checkNoExistingIds(graph, layout, entry.getValue());
            }
            checkUnique(graph, layout, entry.getValue(), mode, violations);
            if (layout.kind() == TableKind.EDGE) {
                EdgeIr edge = graph.schema().ir().edge(layout.typeName()).orElseThrow();
                @SuppressWarnings("unchecked")
                List<EdgeRecord> edges = (List<EdgeRecord>) entry.getValue();
                checkEndpoints(graph, edge, edges, byTable, mode, violations);
                checkCardinality(graph, layout, edge, edges, mode, violations);
            }
            progress.onProgress("checking constraints", ++checked, byTable.size());
        }
        if (!violations.isEmpty()) {
            throw new GraphDataException(cap(violations));
        }
        return new Staged(byTable, nodeCounts, edgeCounts);
    }

    // ---- parsing -----------------------------------------------------------------------------

    private List<GraphRecord> decode(OpenGraph graph, LoadGraphCommand command, ProgressListener progress) {
        RecordDecoder decoder = new RecordDecoder(graph.schema().ir());
        // Walks the text line by line instead of splitting it: a split would hold every line at once.
        String text = command.jsonl();
        int lineCount = lineCount(text);
        List<GraphRecord> records = new ArrayList<>();
        List<DataViolation> violations = new ArrayList<>();
        int lineNumber = 0;
        for (int start = 0; start <= text.length(); ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            start = end + 1;
            lineNumber++;
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            try {
                JsonValue envelope = json.decode(command.sourceName(), line);
                records.add(decoder.decode(envelope, lineNumber, ids::newUlid));
            } catch (MalformedJsonException malformed) {
                violations.add(new DataViolation(DataCodes.MALFORMED_RECORD, lineNumber,
                        "malformed JSON at column " + malformed.column() + ": " + malformed.reason()));
            } catch (GraphDataException invalid) {
                violations.addAll(invalid.violations());
            }
            if (violations.size() > MAX_REPORTED_VIOLATIONS) {
                break;
            }
            if (lineNumber % 1000 == 0) {
                progress.onProgress("validating", lineNumber, lineCount);
            }
        }
        progress.onProgress("validating", lineCount, lineCount);
        if (!violations.isEmpty()) {
            throw new GraphDataException(cap(violations));
        }
        return records;
    }

    private static int lineCount(String text) {
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        return lines;
    }

    private static List<DataViolation> cap(List<DataViolation> violations) {
        return violations.size() <= MAX_REPORTED_VIOLATIONS ? violations : violations.subList(0, MAX_REPORTED_VIOLATIONS);
    }

    /** Merge keeps the last occurrence of an id; the strict modes refuse a repeated id. */
    private static List<GraphRecord> deduplicate(TableLayout layout, List<GraphRecord> group, LoadMode mode,
                                                 List<DataViolation> violations) {
        Map<String, GraphRecord> byId = new LinkedHashMap<>();
        for (GraphRecord record : group) {
            GraphRecord previous = byId.remove(record.id());
            if (previous != null && mode != LoadMode.MERGE) {
                violations.add(new DataViolation(DataCodes.DUPLICATE_ID, record.line(), layout.typeName() + " id '"
                        + record.id() + "' appears again (first on line " + previous.line() + "); use --mode merge to upsert"));
            }
            byId.put(record.id(), record);
        }
        return new ArrayList<>(byId.values());
    }

    private static void checkLimits(TableLayout layout, List<GraphRecord> records, LoadMode mode) {
        if (mode != LoadMode.OVERWRITE && records.size() > MAX_KEYED_ENTITIES) {
            throw new GraphEngineException(GraphErrorKind.RESOURCE_LIMIT_EXCEEDED, "resource limit exceeded: "
                    + records.size() + " " + layout.typeName() + " records in one " + mode.spelling() + " load (limit "
                    + MAX_KEYED_ENTITIES + " per type); split the input or use --mode overwrite");
        }
        long bytes = 0;
        for (GraphRecord record : records) {
            bytes += estimatedBytes(record);
        }
        if (bytes > MAX_STAGED_BYTES) {
            throw new GraphEngineException(GraphErrorKind.RESOURCE_LIMIT_EXCEEDED, "resource limit exceeded: about "
                    + bytes + " bytes of " + layout.typeName() + " data in one load (limit " + MAX_STAGED_BYTES
                    + " per type); split the input");
        }
    }

    private static long estimatedBytes(GraphRecord record) {
        long bytes = record.id().length() + 4L;
        if (record instanceof EdgeRecord edge) {
            bytes += edge.from().length() + edge.to().length() + 8L;
        }
        for (Object value : record.values().values()) {
            bytes += estimatedBytes(value);
        }
        return bytes;
    }

    private static long estimatedBytes(Object value) {
        if (value instanceof String text) {
            return text.length() + 4L;
        }
        if (value instanceof float[] vector) {
            return vector.length * 4L;
        }
        if (value instanceof List<?> list) {
            long bytes = 4;
            for (Object element : list) {
                bytes += estimatedBytes(element);
            }
            return bytes;
        }
        return 8;
    }

    // ---- checks against committed data -------------------------------------------------------

    private void checkNoExistingIds(OpenGraph graph, TableLayout layout, List<? extends GraphRecord> records) {
        Optional<VisibleTable> table = graph.visible(layout.tableKey());
        if (table.isEmpty()) {
            return;
        }
        Set<String> existing = existingIds(graph.readRef(table.get()), ids(records));
        if (!existing.isEmpty()) {
            String first = existing.stream().sorted().findFirst().orElseThrow();
            throw new GraphEngineException(GraphErrorKind.KEY_CONFLICT, "key conflict on " + layout.tableKey() + ": id '"
                    + first + "' already exists" + (existing.size() > 1 ? " (and " + (existing.size() - 1) + " more)" : "")
                    + "; append is a strict insert, use --mode merge to upsert");
        }
    }

    private void checkUnique(OpenGraph graph, TableLayout layout, List<? extends GraphRecord> records, LoadMode mode,
                             List<DataViolation> violations) {
        for (List<String> columns : uniqueColumnSets(graph, layout)) {
            Map<List<Object>, GraphRecord> seen = new HashMap<>();
            for (GraphRecord record : records) {
                List<Object> tuple = tuple(record, columns);
                if (tuple == null) {
                    continue;
                }
                GraphRecord other = seen.putIfAbsent(tuple, record);
                if (other != null) {
                    violations.add(new DataViolation(DataCodes.UNIQUE_VIOLATION, record.line(), "@unique(" + String.join(", ", columns)
                            + ") violation on " + layout.typeName() + ": " + tuple + " is also used by line " + other.line()));
                }
            }
            Optional<VisibleTable> table = graph.visible(layout.tableKey());
            if (table.isEmpty() || mode == LoadMode.OVERWRITE || seen.isEmpty()) {
                continue;
            }
            Set<String> replaced = ids(records);
            List<String> projection = new ArrayList<>(List.of("id"));
            projection.addAll(columns);
            List<Object> firstValues = new ArrayList<>();
            seen.keySet().forEach(tuple -> firstValues.add(tuple.get(0)));
            forEachRow(graph.readRef(table.get()), projection, columns.get(0), firstValues, (batch, row) -> {
                String id = batch.column("id").getString(row);
                if (replaced.contains(id)) {
                    return;
                }
                List<Object> committed = new ArrayList<>();
                for (String column : columns) {
                    committed.add(normalise(batch.column(column).get(row)));
                }
                GraphRecord clash = seen.get(committed);
                if (clash != null) {
                    violations.add(new DataViolation(DataCodes.UNIQUE_VIOLATION, clash.line(), "@unique(" + String.join(", ", columns)
                            + ") violation on " + layout.typeName() + ": " + committed + " already belongs to '" + id + "'"));
                }
            });
        }
    }

    private static List<List<String>> uniqueColumnSets(OpenGraph graph, TableLayout layout) {
        List<ConstraintIr> constraints = layout.kind() == TableKind.NODE
                ? graph.schema().ir().node(layout.typeName()).orElseThrow().constraints()
                : graph.schema().ir().edge(layout.typeName()).orElseThrow().constraints();
        List<List<String>> sets = new ArrayList<>();
        for (ConstraintIr constraint : constraints) {
            if (constraint instanceof ConstraintIr.Unique unique) {
                List<String> columns = new ArrayList<>();
                for (FieldRef field : unique.fields()) {
                    columns.add(field instanceof FieldRef.PropertyField property ? property.property().propertyName()
                            : ((FieldRef.SystemField) field).role().label());
                }
                sets.add(columns);
            }
        }
        return sets;
    }

    private static List<Object> tuple(GraphRecord record, List<String> columns) {
        List<Object> tuple = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = switch (column) {
                case "src" -> record instanceof EdgeRecord edge ? edge.from() : null;
                case "dst" -> record instanceof EdgeRecord edge ? edge.to() : null;
                default -> record.values().get(column);
            };
            if (value == null) {
                return null;
            }
            tuple.add(normalise(value));
        }
        return tuple;
    }

    private static Object normalise(Object value) {
        return value instanceof float[] vector ? java.util.Arrays.toString(vector) : value;
    }

    private void checkEndpoints(OpenGraph graph, EdgeIr edge, List<EdgeRecord> edges,
                                Map<String, List<? extends GraphRecord>> batch, LoadMode mode, List<DataViolation> violations) {
        checkEndpointSide(graph, edge, edges, batch, mode, true, violations);
        checkEndpointSide(graph, edge, edges, batch, mode, false, violations);
    }

    private void checkEndpointSide(OpenGraph graph, EdgeIr edge, List<EdgeRecord> edges,
                                   Map<String, List<? extends GraphRecord>> batch, LoadMode mode, boolean source,
                                   List<DataViolation> violations) {
        String endpointType = source ? edge.fromType().typeName() : edge.toType().typeName();
        String tableKey = TableKind.NODE.tableKey(endpointType);
        Set<String> known = ids(batch.getOrDefault(tableKey, List.of()));
        Set<String> unknown = new HashSet<>();
        for (EdgeRecord record : edges) {
            String endpoint = source ? record.from() : record.to();
            if (!known.contains(endpoint)) {
                unknown.add(endpoint);
            }
        }
        boolean overwritten = mode == LoadMode.OVERWRITE && batch.containsKey(tableKey);
        Optional<VisibleTable> table = graph.visible(tableKey);
        if (!unknown.isEmpty() && !overwritten && table.isPresent()) {
            unknown.removeAll(existingIds(graph.readRef(table.get()), unknown));
        }
        for (EdgeRecord record : edges) {
            String endpoint = source ? record.from() : record.to();
            if (unknown.contains(endpoint)) {
                violations.add(new DataViolation(DataCodes.DANGLING_ENDPOINT, record.line(), edge.name() + " edge "
                        + (source ? "from" : "to") + " '" + endpoint + "': no " + endpointType + " node has that id"));
            }
        }
    }

    private void checkCardinality(OpenGraph graph, TableLayout layout, EdgeIr edge, List<EdgeRecord> edges, LoadMode mode,
                                  List<DataViolation> violations) {
        Cardinality card = edge.cardinality();
        if (card.isDefault()) {
            return;
        }
        Map<String, Set<String>> edgesBySource = new LinkedHashMap<>();
        Map<String, Integer> lineOfSource = new HashMap<>();
        for (EdgeRecord record : edges) {
            edgesBySource.computeIfAbsent(record.from(), s -> new HashSet<>()).add(record.id());
            lineOfSource.putIfAbsent(record.from(), record.line());
        }
        Optional<VisibleTable> table = graph.visible(layout.tableKey());
        if (table.isPresent() && mode != LoadMode.OVERWRITE) {
            forEachRow(graph.readRef(table.get()), List.of("id", "src"), "src", new ArrayList<>(edgesBySource.keySet()),
                    (batch, row) -> edgesBySource.get(batch.column("src").getString(row)).add(batch.column("id").getString(row)));
        }
        for (Map.Entry<String, Set<String>> entry : edgesBySource.entrySet()) {
            int count = entry.getValue().size();
            if (count < card.min() || (card.max() != null && count > card.max())) {
                violations.add(new DataViolation(DataCodes.CARDINALITY_VIOLATION, lineOfSource.get(entry.getKey()),
                        "@card violation on edge " + edge.name() + ": source '" + entry.getKey() + "' has " + count
                                + " edges (allowed " + card.spelling() + ")"));
            }
        }
    }

    private Set<String> existingIds(TableRef ref, Collection<String> candidates) {
        Set<String> found = new HashSet<>();
        forEachRow(ref, List.of("id"), "id", new ArrayList<>(candidates), (batch, row) -> found.add(batch.column("id").getString(row)));
        return found;
    }

    private interface RowVisitor {
        void visit(ColumnarBatch batch, int row);
    }

    /** Visits the rows whose {@code column} is one of {@code values}, querying in bounded chunks. */
    private void forEachRow(TableRef ref, List<String> projection, String column, List<Object> values, RowVisitor visitor) {
        for (int start = 0; start < values.size(); start += FILTER_CHUNK) {
            List<Object> chunk = values.subList(start, Math.min(values.size(), start + FILTER_CHUNK));
            ScanRequest request = ScanRequest.where(new TableFilter.In(column, chunk)).project(projection);
            try (ScanCursor cursor = storage.scan(ref, request)) {
                while (cursor.hasNext()) {
                    ColumnarBatch batch = cursor.next();
                    for (int row = 0; row < batch.rowCount(); row++) {
                        visitor.visit(batch, row);
                    }
                }
            }
        }
    }

    private static Set<String> ids(Collection<? extends GraphRecord> records) {
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.id()));
        return ids;
    }

    // ---- writing -----------------------------------------------------------------------------

    /** The table writes of a staged load, one per touched table; each table's records are released as it is built. */
    List<TableWrites.TableWrite> tableWrites(OpenGraph graph, Staged staged, LoadMode mode) {
        List<TableWrites.TableWrite> writes = new ArrayList<>();
        for (Map.Entry<String, List<? extends GraphRecord>> entry : staged.byTable().entrySet()) {
            TableLayout layout = graph.layout(entry.getKey()).orElseThrow();
            ColumnarBatch rows = rows(layout, entry.getValue());
            entry.getValue().clear(); // the batch holds the values now; keeping both would double the peak
            writes.add(switch (mode) {
                case OVERWRITE -> new TableWrites.TableWrite.Overwrite(entry.getKey(), rows);
                case APPEND -> new TableWrites.TableWrite.InsertNew(entry.getKey(), rows);
                case MERGE -> new TableWrites.TableWrite.Upsert(entry.getKey(), rows);
            });
        }
        return writes;
    }

    private static ColumnarBatch rows(TableLayout layout, List<? extends GraphRecord> records) {
        RowBatchBuilder builder = new RowBatchBuilder(layout.schema());
        int width = layout.schema().columns().size();
        for (GraphRecord record : records) {
            Object[] row = new Object[width];
            int column = 0;
            row[column++] = record.id();
            if (record instanceof EdgeRecord edge) {
                row[column++] = edge.from();
                row[column++] = edge.to();
            }
            for (PropertyIr property : layout.properties()) {
                row[column++] = record.values().get(property.name());
            }
            builder.addRow(row);
        }
        return builder.build();
    }
}
