/**
 * {@link dev.omnigraph.ports.out.ObjectStore} adapters and the one place where a storage URI
 * ({@code file://}, a bare path, {@code s3://}, {@code az://}) is turned into a store:
 * {@link dev.omnigraph.adapters.storage.objectstore.ObjectStores}. The local-disk adapter lives here; the
 * S3 and Azure Blob adapters live in the {@code s3} and {@code azure} sub-packages, which this package
 * dispatches to and which never depend back on it. The adapter classes are package-private; callers see
 * only the port.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, domain, the JDK, the {@code s3} and
 * {@code azure} sub-packages.
 */
package dev.omnigraph.adapters.storage.objectstore;
