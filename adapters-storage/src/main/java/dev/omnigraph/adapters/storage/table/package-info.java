/**
 * The {@link dev.omnigraph.ports.out.table.TableStorage} adapter on Lance datasets, reached only through
 * {@link dev.omnigraph.adapters.storage.table.TableStorages}. {@code LanceTableStorage} is the one class
 * that writes or commits a Lance version (enforced by an architecture rule); the other classes here
 * convert between the port's columnar batches and Arrow ({@code ArrowSchemas}, {@code ArrowBatches},
 * zero-copy {@code ArrowColumnVector} views), render filters into Lance's SQL dialect
 * ({@code LanceFilterRenderer}), translate Lance's exceptions ({@code LanceErrors}) and derive the URI and
 * object-store options Lance needs for an {@code s3://} or {@code az://} location ({@code LanceStorageOptions});
 * none of them commits.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, domain, the JDK, SLF4J, Lance
 * ({@code org.lance}), Arrow ({@code org.apache.arrow}), and the object-store packages' location parsing and
 * cloud settings ({@code objectstore}, {@code objectstore.s3}, {@code objectstore.azure}), so tables and
 * files reach the same endpoint the same way.
 */
package dev.omnigraph.adapters.storage.table;
