package dev.omnigraph.ports.out.table;

import java.util.List;

/**
 * A batch of rows stored column by column: the unit of data crossing the {@link TableStorage} port in
 * both directions. Batches read from storage are views over storage buffers (valid until the cursor
 * moves on); batches written are built with {@link RowBatchBuilder}.
 */
public interface ColumnarBatch {

    TableSchema schema();

    int rowCount();

    List<ColumnVector> columns();

    default ColumnVector column(int index) {
        return columns().get(index);
    }

    /** The named column; {@link IllegalArgumentException} if the batch has none. */
    default ColumnVector column(String name) {
        int index = schema().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("the batch has no column '" + name + "'");
        }
        return column(index);
    }
}
