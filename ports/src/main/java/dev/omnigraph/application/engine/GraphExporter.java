package dev.omnigraph.application.engine;

import dev.omnigraph.application.engine.GraphTables.TableLayout;
import dev.omnigraph.domain.graph.GraphEngineException;
import dev.omnigraph.domain.graph.GraphErrorKind;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.graph.TableKind;
import dev.omnigraph.domain.graph.load.PropertyValues;
import dev.omnigraph.domain.json.JsonObject;
import dev.omnigraph.domain.json.JsonWriter;
import dev.omnigraph.domain.schema.ir.PropertyIr;
import dev.omnigraph.ports.in.ExportGraphResult;
import dev.omnigraph.ports.in.ExportGraphUseCase.LineSink;
import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.ScanRequest;
import dev.omnigraph.ports.out.table.TableFilter;
import dev.omnigraph.ports.out.table.TableStorage;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one snapshot as JSONL in the load envelope: node types first, then edge types, in schema order,
 * one batch in memory at a time. Null properties are omitted (a missing property loads as null).
 */
final class GraphExporter {

    private final TableStorage storage;

    GraphExporter(TableStorage storage) {
        this.storage = storage;
    }

    ExportGraphResult export(OpenGraph graph, List<String> typeNames, LineSink sink) {
        Set<String> wanted = new HashSet<>(typeNames);
        for (String name : wanted) {
            if (graph.layouts().stream().noneMatch(l -> l.typeName().equals(name))) {
                throw new GraphEngineException(GraphErrorKind.BAD_REQUEST, "unknown type '" + name + "' (no node or edge type of that name)");
            }
        }
        long nodes = 0;
        long edges = 0;
        for (TableLayout layout : graph.layouts()) {
            if (!wanted.isEmpty() && !wanted.contains(layout.typeName())) {
                continue;
            }
            Optional<VisibleTable> table = graph.visible(layout.tableKey());
            if (table.isEmpty()) {
                continue;
            }
            long written = exportTable(graph, layout, table.get(), sink);
            if (layout.kind() == TableKind.NODE) {
                nodes += written;
            } else {
                edges += written;
            }
        }
        return new ExportGraphResult(graph.snapshot().snapshotId(), nodes, edges);
    }

    private long exportTable(OpenGraph graph, TableLayout layout, VisibleTable table, LineSink sink) {
        long written = 0;
        try (ScanCursor cursor = storage.scan(graph.readRef(table), ScanRequest.everything())) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                for (int row = 0; row < batch.rowCount(); row++) {
                    sink.accept(JsonWriter.compact(record(layout, batch, row)));
                    written++;
                }
            }
        }
        return written;
    }

    /**
     * One entity of one snapshot in the export record shape, read without folding anything else:
     * empty when the snapshot has no such type, table or id.
     */
    Optional<JsonObject> entity(OpenGraph graph, String tableKey, String id) {
        Optional<TableLayout> layout = graph.layout(tableKey);
        Optional<VisibleTable> table = graph.visible(tableKey);
        if (layout.isEmpty() || table.isEmpty()) {
            return Optional.empty();
        }
        try (ScanCursor cursor = storage.scan(graph.readRef(table.get()), ScanRequest.where(TableFilter.eq("id", id)))) {
            while (cursor.hasNext()) {
                ColumnarBatch batch = cursor.next();
                if (batch.rowCount() > 0) {
                    return Optional.of(record(layout.get(), batch, 0));
                }
            }
        }
        return Optional.empty();
    }

    private static JsonObject record(TableLayout layout, ColumnarBatch batch, int row) {
        JsonObject.Builder data = JsonObject.builder().put("id", batch.column("id").getString(row));
        for (PropertyIr property : layout.properties()) {
            ColumnVector column = batch.column(property.name());
            if (!column.isNull(row)) {
                data.put(property.name(), PropertyValues.toJson(property.type(), column.get(row)));
            }
        }
        if (layout.kind() == TableKind.NODE) {
            return JsonObject.builder().put("type", layout.typeName()).put("data", data.build()).build();
        }
        return JsonObject.builder().put("edge", layout.typeName())
                .put("from", batch.column("src").getString(row))
                .put("to", batch.column("dst").getString(row))
                .put("data", data.build()).build();
    }
}
