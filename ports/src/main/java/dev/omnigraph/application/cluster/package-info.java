/**
 * The cluster control plane's application half: {@code cluster validate|plan|apply|status|refresh|import|
 * approve|force-unlock}. It reads the config directory and every byte under the storage root through the
 * {@link dev.omnigraph.ports.out.ObjectStore} port (so a local folder, S3 and Azure are one code path),
 * decodes YAML and JSON through their ports, asks the domain ({@code dev.omnigraph.domain.cluster..}) for
 * every decision (validation, digests, diff, dispositions, approvals, sweep rows, the ledger transition,
 * drift), and drives the graph engine through its use cases (init, schema preview and apply, snapshot)
 * plus {@link dev.omnigraph.ports.out.table.TableStorage} to drop a deleted graph's tables.
 *
 * <p>The apply order is the reference's: recovery sweep, graph creates, schema migrations, catalog
 * payloads, approved deletes, one compare-and-swap ledger write; recovery sidecars are written, rewritten
 * and deleted at exactly the reference's moments, and a converged re-apply writes nothing.
 *
 * <p>Layer: application. Allowed dependencies: {@code dev.omnigraph.domain}, {@code dev.omnigraph.ports},
 * the JDK, the SLF4J API.
 */
package dev.omnigraph.application.cluster;
