package dev.omnigraph.ports.out;

/**
 * Fresh unique ids: commit ids, operation ids, entity ids of unkeyed nodes and edges, schema identity
 * domains. Injected so tests can make ids deterministic.
 */
public interface IdSource {

    /**
     * A new ULID in canonical 26-character uppercase Crockford base32, monotonic within one process
     * (a later call never returns a smaller id). Thread-safe.
     */
    String newUlid();
}
