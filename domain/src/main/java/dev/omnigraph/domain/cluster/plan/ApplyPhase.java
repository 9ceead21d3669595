package dev.omnigraph.domain.cluster.plan;

/**
 * The order an apply run executes in. Graph-moving work is sequential and stops at the first
 * failure (later graph steps are skipped with warnings); catalog payloads are all written before
 * the irreversible deletes; the ledger moves once, at the end, through a CAS-checked write.
 * Cross-graph atomicity is not promised.
 */
public enum ApplyPhase {
    /** Sidecar-fenced graph initialisation (the init carries the schema). */
    GRAPH_CREATES,
    /** Sidecar-fenced soft schema migrations of existing graphs. */
    SCHEMA_UPDATES,
    /** Content-addressed query and policy payloads; any failure stops before the ledger moves. */
    CATALOG_WRITES,
    /** Approved graph deletes (prefix removal), last because they cannot be undone. */
    GRAPH_DELETES,
    /** The single ledger write; sidecars and consumed approvals are finalised only after it lands. */
    STATE_WRITE
}
