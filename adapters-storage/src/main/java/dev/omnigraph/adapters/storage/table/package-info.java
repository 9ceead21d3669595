/**
 * The {@link dev.omnigraph.ports.out.table.TableStorage} adapter on Lance datasets, reached only through
 * {@link dev.omnigraph.adapters.storage.table.TableStorages}. {@code LanceTableStorage} is the one class
 * that writes or commits a Lance version (enforced by an architecture rule); the other classes here
 * convert between the port's columnar batches and Arrow ({@code ArrowSchemas}, {@code ArrowBatches},
 * zero-copy {@code ArrowColumnVector} views), render filters into Lance's SQL dialect
 * ({@code LanceFilterRenderer}) and translate Lance's exceptions ({@code LanceErrors}); none of them
 * commits.
 *
 * <p>Layer: adapter (driven). Allowed dependencies: ports, domain, the JDK, SLF4J, Lance
 * ({@code org.lance}), Arrow ({@code org.apache.arrow}).
 */
package dev.omnigraph.adapters.storage.table;
