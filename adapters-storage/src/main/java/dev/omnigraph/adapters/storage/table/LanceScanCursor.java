package dev.omnigraph.adapters.storage.table;

import dev.omnigraph.ports.out.table.ColumnSpec;
import dev.omnigraph.ports.out.table.ColumnarBatch;
import dev.omnigraph.ports.out.table.ScanCursor;
import dev.omnigraph.ports.out.table.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.util.TransferPair;
import org.lance.Dataset;
import org.lance.ipc.LanceScanner;

/**
 * A scan over one Lance dataset version. It owns the dataset handle (opened at exactly the requested
 * version, so later commits cannot change what it reads), the scanner and its Arrow reader, and closes
 * all three.
 *
 * <p>Each batch handed out owns its buffers: {@link #next()} moves the reader's freshly loaded buffers
 * into a root of its own (an ownership transfer, no copy), so {@link #hasNext()} may load the following
 * batch without disturbing the batch the caller is still reading. That batch is released by the next
 * {@link #next()} or {@link #close()}.
 */
final class LanceScanCursor implements ScanCursor {

    private final Dataset dataset;
    private final LanceScanner scanner;
    private final ArrowReader reader;
    private final TableSchema schema;
    private final BufferAllocator allocator;
    private final String location;
    private boolean loaded;
    private boolean exhausted;
    private boolean closed;
    private VectorSchemaRoot current;

    LanceScanCursor(Dataset dataset, LanceScanner scanner, ArrowReader reader, TableSchema schema, BufferAllocator allocator,
            String location) {
        this.dataset = dataset;
        this.scanner = scanner;
        this.reader = reader;
        this.schema = schema;
        this.allocator = allocator;
        this.location = location;
    }

    @Override
    public boolean hasNext() {
        if (closed || exhausted) {
            return false;
        }
        if (loaded) {
            return true;
        }
        try {
            while (reader.loadNextBatch()) {
                if (reader.getVectorSchemaRoot().getRowCount() > 0) {
                    loaded = true;
                    return true;
                }
            }
        } catch (Exception e) {
            throw LanceErrors.translate(e, "scan " + location);
        }
        exhausted = true;
        return false;
    }

    @Override
    public ColumnarBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the scan of " + location + " has no more batches");
        }
        releaseCurrent();
        try {
            VectorSchemaRoot loadedRoot = reader.getVectorSchemaRoot();
            List<FieldVector> owned = new ArrayList<>(schema.columns().size());
            for (ColumnSpec column : schema.columns()) {
                TransferPair transfer = loadedRoot.getVector(column.name()).getTransferPair(allocator);
                transfer.transfer();
                owned.add((FieldVector) transfer.getTo());
            }
            current = new VectorSchemaRoot(owned);
            current.setRowCount(loadedRoot.getRowCount());
        } catch (Exception e) {
            throw LanceErrors.translate(e, "scan " + location);
        }
        loaded = false;
        return new ArrowColumnarBatch(schema, current);
    }

    private void releaseCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Closer closer = new Closer();
        closer.run(this::releaseCurrent);
        closer.run(reader::close);
        closer.run(scanner::close);
        closer.run(dataset::close);
        closer.rethrow("close the scan of " + location);
    }

    /** Runs every close step and keeps the first failure, so one failing step cannot leak the others. */
    static final class Closer {
        private Exception first;

        interface Step {
            void run() throws Exception;
        }

        void run(Step step) {
            try {
                step.run();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }

        void rethrow(String operation) {
            if (first != null) {
                throw LanceErrors.translate(first, operation);
            }
        }
    }
}
