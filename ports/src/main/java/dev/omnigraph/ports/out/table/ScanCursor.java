package dev.omnigraph.ports.out.table;

/**
 * An open scan. Each batch returned by {@link #next()} is valid until the next call or {@link #close()}.
 * Not thread-safe; close it on every path (it holds storage buffers).
 */
public interface ScanCursor extends AutoCloseable {

    /** Whether another batch is available. */
    boolean hasNext();

    /** The next batch; {@link java.util.NoSuchElementException} when exhausted. */
    ColumnarBatch next();

    @Override
    void close();
}
