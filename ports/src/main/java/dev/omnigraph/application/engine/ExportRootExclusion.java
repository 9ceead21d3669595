package dev.omnigraph.application.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A process-wide exclusion between exports streaming a graph and removing that graph's whole root (the cluster's
 * approved graph delete), as the reference keeps it: an export reads an immutable cut of the root's files for as
 * long as it streams, and deleting the root underneath would end it with missing files. Both sides are
 * non-blocking: exports share a root freely, a delete reserves it only while no export holds it, and an export
 * started while a delete holds the root is refused. Process-local by design: it coordinates the exports and
 * deletes of one process (a server that also applies a cluster, or a test), and grants no storage authority.
 */
public final class ExportRootExclusion {

    /** Per normalised root: the number of live exports, or {@code -1} while a delete holds it. */
    private static final Map<String, Integer> HOLDERS = new HashMap<>();

    private ExportRootExclusion() {}

    /** A held share or reservation; closing it releases it (idempotent). */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** A root is held by the other side; nothing was reserved. */
    public static final class RootBusyException extends RuntimeException {
        RootBusyException(String message) {
            super(message);
        }
    }

    /**
     * Reserves a graph root for deleting it.
     *
     * @throws RootBusyException while an export of the root streams
     */
    public static Held reserveForDelete(String graphUri) {
        String root = normalise(graphUri);
        synchronized (HOLDERS) {
            int exports = HOLDERS.getOrDefault(root, 0);
            if (exports != 0) {
                throw new RootBusyException(exports > 0
                        ? exports + " export(s) of " + graphUri + " are streaming"
                        : "another delete of " + graphUri + " holds it");
            }
            HOLDERS.put(root, -1);
        }
        return release(root, true);
    }

    /**
     * Shares a graph root for one export.
     *
     * @throws RootBusyException while the root is reserved for a delete
     */
    static Held enterExport(String graphUri) {
        String root = normalise(graphUri);
        synchronized (HOLDERS) {
            int exports = HOLDERS.getOrDefault(root, 0);
            if (exports < 0) {
                throw new RootBusyException("the graph at " + graphUri + " is being deleted");
            }
            HOLDERS.put(root, exports + 1);
        }
        return release(root, false);
    }

    private static Held release(String root, boolean delete) {
        return new Held() {
            private boolean released;

            @Override
            public void close() {
                synchronized (HOLDERS) {
                    if (released) {
                        return;
                    }
                    released = true;
                    int holders = HOLDERS.getOrDefault(root, 0);
                    if (delete || holders <= 1) {
                        HOLDERS.remove(root);
                    } else {
                        HOLDERS.put(root, holders - 1);
                    }
                }
            }
        };
    }

    /**
     * One spelling per root, computed from the text alone (the application does no file I/O): a local path (bare
     * or {@code file://}) is made absolute against the working directory, and every location loses empty,
     * {@code .} and {@code ..} segments and trailing slashes.
     */
    static String normalise(String graphUri) {
        String uri = graphUri.strip();
        if (uri.startsWith("file://")) {
            uri = uri.substring("file://".length());
        }
        String scheme = "";
        int separator = uri.indexOf("://");
        if (separator >= 0) {
            scheme = uri.substring(0, separator + 3);
            uri = uri.substring(separator + 3);
        } else if (!uri.startsWith("/")) {
            uri = System.getProperty("user.dir") + "/" + uri;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : uri.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return (scheme.isEmpty() ? "/" : scheme) + String.join("/", segments);
    }
}
