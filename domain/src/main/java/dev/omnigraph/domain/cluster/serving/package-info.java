/**
 * The serving snapshot of a cluster (behavioural notes §7.2): what a server booting from a storage root
 * may serve of the applied revision, decided without a lock, a sweep or a write. Pending recovery
 * sidecars are triaged first (unreadable or unattributed ones are cluster-fatal, a graph-attributed one
 * quarantines only its graph), then the ledger is turned into the served graphs, the catalog payloads to
 * re-read and re-verify, and the policies with their bindings to quarantined graphs dropped; the verdict
 * is ready (with the quarantine warnings) or refused with every finding, and the boot refusal text is
 * the reference's. The application performs the reads; these functions decide.
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list, {@code dev.omnigraph.domain.lang},
 * {@code dev.omnigraph.domain.cluster}, {@code dev.omnigraph.domain.cluster.state}.
 */
package dev.omnigraph.domain.cluster.serving;
