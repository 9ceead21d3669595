package dev.omnigraph.adapters.http.routes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Carries an export from the thread producing its records to the HTTP response, one NDJSON line at a time,
 * without holding the whole export: the producer blocks once {@value #QUEUE_CAPACITY} lines wait unread.
 * The server reads the response body from this stream on its I/O executor and closes it when the client
 * goes away; the producer's next line then fails with {@link ClientGoneException}, which stops the export.
 *
 * <p>Failures are reported where they can still be: before the first line the route answers with the
 * failure's own error status ({@link #awaitFirstRecord()}); after it, the response is cut short (the read
 * fails), so a client never mistakes a truncated export for a complete one.
 */
final class ExportLineStream extends InputStream {

    static final int QUEUE_CAPACITY = 256;
    private static final byte[] END = new byte[0];
    private static final long POLL_MILLIS = 100;

    private final BlockingQueue<byte[]> lines = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final CountDownLatch firstRecordOrEnd = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile boolean anyRecord;
    private volatile Throwable failure;

    // consumer state: only the (sequential) reader touches these
    private byte[] current = END;
    private int position;
    private boolean ended;

    /** Thrown to the producer when the response is gone (client disconnect, server shutdown). */
    static final class ClientGoneException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ClientGoneException() {
            super("the export response was closed before the export finished");
        }
    }

    // ---- producer side ------------------------------------------------------------------------

    /** Queues one record (a line without its newline), blocking while the reader is behind. */
    void accept(String line) {
        put((line + "\n").getBytes(StandardCharsets.UTF_8));
        anyRecord = true;
        firstRecordOrEnd.countDown();
    }

    /** Marks the export complete. */
    void finish() {
        put(END);
        firstRecordOrEnd.countDown();
    }

    /** Marks the export failed; never throws. */
    void fail(Throwable cause) {
        failure = cause;
        firstRecordOrEnd.countDown();
        try {
            put(END);
        } catch (ClientGoneException alreadyGone) {
            // nobody reads any more; the failure has nowhere to go
        }
    }

    private void put(byte[] chunk) {
        try {
            while (!lines.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new ClientGoneException();
                }
            }
            if (closed) {
                throw new ClientGoneException();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ClientGoneException();
        }
    }

    // ---- route side ---------------------------------------------------------------------------

    /**
     * Waits until the first record is queued or the export ended, and rethrows a failure that happened
     * before any record, so the route can still answer with its error status.
     */
    void awaitFirstRecord() {
        try {
            firstRecordOrEnd.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            close();
            throw new ClientGoneException();
        }
        Throwable failed = failure;
        if (failed != null && !anyRecord) {
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failed instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failed);
        }
    }

    // ---- reader side (the HTTP response) ------------------------------------------------------

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == current.length && !nextChunk(true)) {
            return -1;
        }
        int copied = 0;
        while (copied < length) {
            // the end (or a failure) is taken only by a read that returns nothing else, so the lines
            // before it are never lost to the exception
            if (position == current.length && (lines.peek() == END || !nextChunk(false))) {
                break;
            }
            int count = Math.min(length - copied, current.length - position);
            System.arraycopy(current, position, buffer, offset + copied, count);
            position += count;
            copied += count;
        }
        return copied;
    }

    /** Moves to the next queued line; false at the end or, when not {@code waiting}, when none is queued. */
    private boolean nextChunk(boolean waiting) throws IOException {
        if (ended) {
            return false;
        }
        byte[] next;
        try {
            next = waiting ? takeWaiting() : lines.poll();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for export records", interrupted);
        }
        if (next == null) {
            return false;
        }
        if (next == END) {
            ended = true;
            Throwable failed = failure;
            if (failed != null) {
                throw new IOException("the export failed after it started: " + failed.getMessage(), failed);
            }
            return false;
        }
        current = next;
        position = 0;
        return true;
    }

    private byte[] takeWaiting() throws InterruptedException, IOException {
        while (true) {
            byte[] next = lines.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
            if (closed) {
                throw new IOException("the export response was closed");
            }
        }
    }

    /** Whether at least one record was handed to the response. */
    boolean hasRecords() {
        return anyRecord;
    }

    /** Whether the response side let go of the stream (the client disconnected or the server stopped). */
    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        lines.clear();
    }
}
