/**
 * {@link dev.omnigraph.ports.out.ObjectStore} adapters and the one place where a storage URI
 * ({@code file://}, a bare path, {@code s3://}, {@code az://}) is turned into a store:
 * {@link dev.omnigraph.adapters.storage.objectstore.ObjectStores}. The adapter classes are
 * package-private; callers see only the port.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, domain, the JDK, AWS SDK v2, Azure Blob SDK.
 */
package dev.omnigraph.adapters.storage.objectstore;
