package dev.omnigraph.application.engine;

import dev.omnigraph.application.engine.GraphTables.TableLayout;
import dev.omnigraph.domain.graph.GraphSnapshot;
import dev.omnigraph.domain.graph.GraphSnapshot.VisibleTable;
import dev.omnigraph.domain.query.typecheck.QueryCatalog;
import dev.omnigraph.domain.query.typecheck.SchemaCatalogs;
import dev.omnigraph.ports.out.table.TableRef;
import java.util.List;
import java.util.Optional;

/**
 * An opened graph at one snapshot: its root, verified schema contract, table layouts and the visible
 * table versions. Immutable; a write produces a new snapshot, never changes this one.
 */
public record OpenGraph(GraphRoot root, SchemaContract schema, List<TableLayout> layouts, GraphSnapshot snapshot) {

    public OpenGraph {
        layouts = List.copyOf(layouts);
    }

    /** The layout of a table key ({@code node:Person}), if the schema has that type. */
    public Optional<TableLayout> layout(String tableKey) {
        return layouts.stream().filter(l -> l.tableKey().equals(tableKey)).findFirst();
    }

    /** The visible version of a table key in this snapshot. */
    public Optional<VisibleTable> visible(String tableKey) {
        return snapshot.table(tableKey);
    }

    /** Where a read of this snapshot finds a table. */
    public TableRef readRef(VisibleTable table) {
        return TableRef.at(root.tableLocation(table.location()),
                table.version().tableBranch().orElse(TableRef.MAIN), table.version().version());
    }

    /** The query side's view of the accepted schema. */
    public QueryCatalog catalog() {
        return SchemaCatalogs.of(schema.validated());
    }
}
