package dev.omnigraph.application.engine;

import java.nio.file.Path;
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

    /** One spelling per root: local paths absolute and normalised, URIs without trailing slashes. */
    static String normalise(String graphUri) {
        String uri = graphUri.strip();
        if (uri.startsWith("file://")) {
            uri = Path.of(java.net.URI.create(uri)).toString();
        }
        if (!uri.contains("://")) {
            return Path.of(uri).toAbsolutePath().normalize().toString();
        }
        while (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
        return uri;
    }
}
