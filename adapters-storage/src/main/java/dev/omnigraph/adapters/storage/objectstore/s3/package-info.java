/**
 * The {@link dev.omnigraph.ports.out.ObjectStore} adapter on Amazon S3 and S3-compatible servers (AWS SDK
 * v2): {@code S3ObjectStore} is package-private and reached through
 * {@link dev.omnigraph.adapters.storage.objectstore.s3.S3ObjectStores}, which owns the SDK clients shared by
 * every store it opens. {@link dev.omnigraph.adapters.storage.objectstore.s3.S3Properties} turns the
 * standard {@code AWS_*} environment variables, handed in as a map, into settings; nothing here reads the
 * process environment.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, the JDK, SLF4J, AWS SDK v2
 * ({@code software.amazon.awssdk}). Never the sibling {@code objectstore} packages (the dispatcher depends on
 * this package, not the other way round).
 */
package dev.omnigraph.adapters.storage.objectstore.s3;
