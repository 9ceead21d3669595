package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.TableSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/** A {@link ColumnarBatch} viewing an Arrow root in place; valid while the root's buffers are. */
final class ArrowColumnarBatch implements ColumnarBatch {

    private final TableSchema schema;
    private final int rowCount;
    private final List<ColumnVector> columns;

    /** Views the root's vectors named by {@code schema}'s columns, in the schema's order. */
    ArrowColumnarBatch(TableSchema schema, VectorSchemaRoot root) {
        this.schema = schema;
        this.rowCount = root.getRowCount();
        List<ColumnVector> views = new ArrayList<>(schema.columns().size());
        for (int i = 0; i < schema.columns().size(); i++) {
            views.add(new ArrowColumnVector(schema.columns().get(i), root.getVector(i), rowCount));
        }
        this.columns = List.copyOf(views);
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    @Override
    public int rowCount() {
        return rowCount;
    }

    @Override
    public List<ColumnVector> columns() {
        return columns;
    }
}
