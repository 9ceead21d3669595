package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnType;
import dev.omnigraph.ports.out.table.ColumnVector;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.InvalidTableRequestException;
import dev.omnigraph.ports.out.table.TableSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Copies a port {@link ColumnarBatch} into Arrow vectors laid out as a table's stored schema, checking
 * that the batch has exactly the table's columns (by name, any order) with the same types and no null
 * in a non-nullable column, so a malformed batch is refused before Lance sees it.
 */
final class ArrowBatches {

    private ArrowBatches() {}

    /**
     * Refuses a batch whose columns are not exactly the table's (same names and types, any order).
     *
     * @throws InvalidTableRequestException naming the first mismatch
     */
    static void checkFits(TableSchema table, ColumnarBatch batch, String location) {
        TableSchema given = batch.schema();
        if (given.columns().size() != table.columns().size()) {
            throw new InvalidTableRequestException("the batch has columns " + given.columnNames() + " but " + location
                    + " has " + table.columnNames(), null);
        }
        for (ColumnSpec column : table.columns()) {
            ColumnSpec match = given.column(column.name()).orElseThrow(() -> new InvalidTableRequestException(
                    "the batch lacks column '" + column.name() + "' of " + location, null));
            if (!match.type().equals(column.type())) {
                throw new InvalidTableRequestException("column '" + column.name() + "' of " + location + " is "
                        + column.type() + " but the batch gives " + match.type(), null);
            }
        }
    }

    /** A new root (owned by the caller) holding the batch's rows in the layout of {@code arrowSchema}. */
    static VectorSchemaRoot toRoot(TableSchema table, Schema arrowSchema, ColumnarBatch batch, BufferAllocator allocator) {
        VectorSchemaRoot root = VectorSchemaRoot.create(arrowSchema, allocator);
        try {
            root.allocateNew();
            int rows = batch.rowCount();
            for (int i = 0; i < table.columns().size(); i++) {
                ColumnSpec column = table.columns().get(i);
                fill(column, batch.column(column.name()), root.getVector(i), rows);
            }
            root.setRowCount(rows);
            return root;
        } catch (RuntimeException e) {
            root.close();
            throw e;
        }
    }

    private static void fill(ColumnSpec column, ColumnVector source, FieldVector target, int rows) {
        ColumnType type = column.type();
        for (int row = 0; row < rows; row++) {
            if (source.isNull(row)) {
                if (!column.nullable()) {
                    throw new InvalidTableRequestException("column '" + column.name() + "' is not nullable but row " + row
                            + " of the batch is null", null);
                }
                setNull(target, row);
                continue;
            }
            try {
                if (type instanceof ColumnType.Scalar scalar) {
                    setScalar(target, scalar, row, source.get(row));
                } else if (type instanceof ColumnType.Vector vector) {
                    setVector((FixedSizeListVector) target, vector.dimension(), row, source.getVector(row), column.name());
                } else {
                    setList((ListVector) target, ((ColumnType.ListOf) type).element(), row, (List<?>) source.get(row));
                }
            } catch (ClassCastException e) {
                // a batch not built with RowBatchBuilder may hold values in the wrong representation
                throw new InvalidTableRequestException("row " + row + " of column '" + column.name() + "' does not hold a "
                        + type + " value: " + e.getMessage(), e);
            }
        }
        target.setValueCount(rows);
    }

    private static void setNull(FieldVector target, int row) {
        if (target instanceof FixedSizeListVector fixed) {
            fixed.setNull(row);
        } else if (target instanceof ListVector list) {
            list.setNull(row);
        } else {
            target.setNull(row);
        }
    }

    private static void setScalar(FieldVector target, ColumnType.Scalar type, int row, Object value) {
        switch (type) {
            case UTF8 -> ((VarCharVector) target).setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
            case BOOL -> ((BitVector) target).setSafe(row, ((Boolean) value) ? 1 : 0);
            case INT32 -> ((IntVector) target).setSafe(row, ((Number) value).intValue());
            case INT64 -> ((BigIntVector) target).setSafe(row, ((Number) value).longValue());
            case UINT32 -> ((UInt4Vector) target).setSafe(row, (int) ((Number) value).longValue());
            case UINT64 -> ((UInt8Vector) target).setSafe(row, ((Number) value).longValue());
            case FLOAT32 -> ((Float4Vector) target).setSafe(row, ((Number) value).floatValue());
            case FLOAT64 -> ((Float8Vector) target).setSafe(row, ((Number) value).doubleValue());
            case DATE -> ((DateDayVector) target).setSafe(row, ((Number) value).intValue());
            case DATETIME -> ((DateMilliVector) target).setSafe(row, ((Number) value).longValue());
        }
    }

    private static void setVector(FixedSizeListVector target, int dimension, int row, float[] values, String name) {
        if (values.length != dimension) {
            throw new InvalidTableRequestException("column '" + name + "' needs vectors of " + dimension + " floats, row " + row
                    + " has " + values.length, null);
        }
        target.setNotNull(row);
        Float4Vector data = (Float4Vector) target.getDataVector();
        int start = row * dimension;
        for (int j = 0; j < dimension; j++) {
            data.setSafe(start + j, values[j]);
        }
        data.setValueCount(Math.max(data.getValueCount(), start + dimension));
    }

    private static void setList(ListVector target, ColumnType.Scalar element, int row, List<?> values) {
        int offset = target.startNewValue(row);
        FieldVector data = target.getDataVector();
        for (int j = 0; j < values.size(); j++) {
            Object value = values.get(j);
            if (value == null) {
                data.setNull(offset + j);
            } else {
                setScalar(data, element, offset + j, value);
            }
        }
        data.setValueCount(offset + values.size());
        target.endValue(row, values.size());
    }

    /** An {@link ArrowReader} yielding one root's content once; closing it closes the root. */
    static ArrowReader readerOf(VectorSchemaRoot root, BufferAllocator allocator) {
        return new SingleBatchReader(root, allocator);
    }

    private static final class SingleBatchReader extends ArrowReader {
        private final VectorSchemaRoot source;
        private boolean consumed;

        SingleBatchReader(VectorSchemaRoot source, BufferAllocator allocator) {
            super(allocator);
            this.source = source;
        }

        @Override
        public boolean loadNextBatch() throws java.io.IOException {
            if (consumed) {
                return false;
            }
            consumed = true;
            prepareLoadNextBatch();
            // the unloaded batch shares the source's buffers (reference-counted, no copy)
            loadRecordBatch(new VectorUnloader(source).getRecordBatch());
            return true;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
            source.close();
        }

        @Override
        protected Schema readSchema() {
            return source.getSchema();
        }
    }
}
