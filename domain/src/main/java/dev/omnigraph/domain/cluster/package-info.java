/**
 * The cluster control plane's shared vocabulary: diagnostics with the reference's stable codes and
 * JSON-path-like paths, resource addresses and dependency edges, resource digests (schema, query,
 * policy, embedding provider, graph composite, desired config), the external-Blob admission policy
 * and embedding provider profiles that both the desired config and the applied ledger carry, the
 * storage-root layout, and the strict reader every persisted control-plane document is decoded with.
 *
 * <p>Sub-packages build on this one and never the other way round: {@code config} (cluster.yaml),
 * {@code state} (ledger, lock, approvals, sidecars), {@code plan} (diff, dispositions, approvals,
 * apply ordering and the ledger transition), {@code recovery} (sidecar lifecycle and the sweep
 * classifier) and {@code drift} (refresh observation and catalog verification).
 *
 * <p>Layer: domain. Allowed dependencies: the JDK allow-list ({@code java.lang}, {@code java.util},
 * {@code java.nio.charset}, {@code java.security.MessageDigest}), {@code dev.omnigraph.domain.json}
 * and {@code dev.omnigraph.domain.lang}. Time and ids arrive as arguments.
 */
package dev.omnigraph.domain.cluster;
