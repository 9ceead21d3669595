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

/**
 * A scan (or take) over one Lance dataset version. It holds a lease on the dataset handle (opened at
 * exactly the requested version, so later commits cannot change what it reads), the scanner and its
 * Arrow reader, and releases all three on close.
 *
 * <p>Each batch handed out owns its buffers: {@link #next()} moves the reader's freshly loaded buffers
 * into a root of its own (an ownership transfer, no copy), so {@link #hasNext()} may load the following
 * batch without disturbing the batch the caller is still reading. That batch is released by the next
 * {@link #next()} or {@link #close()}.
 */
final class LanceScanCursor implements ScanCursor {

    private final ArrowReader reader;
    private final Closer.Step closeScanner;
    private final Closer.Step releaseHandle;
    private final TableSchema schema;
    private final BufferAllocator allocator;
    private final String location;
    private boolean loaded;
    private boolean exhausted;
    private boolean closed;
    private VectorSchemaRoot current;

    LanceScanCursor(ArrowReader reader, TableSchema schema, BufferAllocator allocator, String location,
            Closer.Step closeScanner, Closer.Step releaseHandle) {
        this.reader = reader;
        this.closeScanner = closeScanner;
        this.releaseHandle = releaseHandle;
        this.schema = schema;
        this.allocator = allocator;
        this.location = location;
    }

    /** A cursor with no batches (a take of no positions). */
    static ScanCursor empty() {
        return new EmptyLanceScanCursor();
    }

    /** No batches; holds nothing. */
    static final class EmptyLanceScanCursor implements ScanCursor {
        @Override
        public boolean hasNext() {
            return false;
        }

        @Override
        public ColumnarBatch next() {
            throw new NoSuchElementException("an empty read has no batches");
        }

        @Override
        public void close() {
        }
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
        closer.run(closeScanner);
        closer.run(releaseHandle);
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
