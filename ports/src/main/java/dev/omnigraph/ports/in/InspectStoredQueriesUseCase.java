package dev.omnigraph.ports.in;

/**
 * The stored queries a cluster serves, as {@code omnigraph queries list|validate --cluster} shows them (cluster notes
 * §2.8): read from the serving snapshot (exactly what a server would load, digest-verified), never from files.
 * Read-only: no lock, no sweep, no write.
 */
public interface InspectStoredQueriesUseCase {

    /** Every stored query of the cluster (or of one graph) with its kind, annotations and typed parameters. */
    StoredQueriesResult listStoredQueries(StoredQueriesQuery query);

    /** Type-checks every stored query against its graph's applied schema, as a server does when it boots. */
    StoredQueriesCheckResult validateStoredQueries(StoredQueriesQuery query);
}
